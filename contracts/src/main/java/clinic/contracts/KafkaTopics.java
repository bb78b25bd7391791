package clinic.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The suite's Kafka topics with their partition counts, read from {@code kafka-topics.properties} beside the event
 * schemas: the one list the launcher, the tests' broker and {@code compose/kafka-init.sh} create.
 */
public final class KafkaTopics {

	/** Where the list is, on the class path and under {@code contracts/src/main/resources}. */
	public static final String RESOURCE = "kafka-topics.properties";

	/** Topic name to partition count, in the file's order. */
	public static final Map<String, Integer> PARTITIONS = load();

	public static final String INTAKE = eventsOf("intake");

	public static final String SCHEDULING = eventsOf("scheduling");

	public static final String SESSION = eventsOf("session");

	public static final String INTAKE_DLT = deadLettersOf("intake-service");

	public static final String SCHEDULING_DLT = deadLettersOf("scheduling-service");

	public static final String SESSION_DLT = deadLettersOf("session-service");

	private KafkaTopics() {
	}

	/** The topic a producer's events are published on, {@code clinic.<producer>}; it must be in the list. */
	public static String eventsOf(String producer) {
		return listed("clinic." + producer);
	}

	/** A consuming service's dead-letter topic, {@code <service>.dlt}; it must be in the list. */
	public static String deadLettersOf(String service) {
		return listed(service + ".dlt");
	}

	private static String listed(String topic) {
		if (!PARTITIONS.containsKey(topic)) {
			throw new IllegalStateException(topic + " is not in " + RESOURCE);
		}
		return topic;
	}

	private static Map<String, Integer> load() {
		var topics = new LinkedHashMap<String, Integer>();
		try (var in = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(KafkaTopics.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				int equals = line.indexOf('=');
				if (equals < 1) {
					throw new IllegalStateException(RESOURCE + ": not name=partitions: " + line);
				}
				topics.put(line.substring(0, equals).strip(), Integer.valueOf(line.substring(equals + 1).strip()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Collections.unmodifiableMap(topics);
	}
}
