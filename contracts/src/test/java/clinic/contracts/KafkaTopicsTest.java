package clinic.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The topic list agrees with the contracts: a topic for every producer with published schemas, named as the event
 * types route (EventSchemas.topicOf) and as asyncapi.yaml's channels say, with the partitions it gives, and a
 * dead-letter topic for each of those services.
 */
class KafkaTopicsTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyProducerWithSchemasHasItsTopicAsAsyncApiDescribesItAndItsServiceADeadLetterTopic() throws IOException {
		var producers = new ArrayList<String>();
		try (var dirs = Files.list(RESOURCES.resolve("events"))) {
			dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(producers::add);
		}
		assertThat(producers).containsExactly("intake", "scheduling", "session");
		var asyncApi = Files.readString(RESOURCES.resolve("asyncapi.yaml"));
		var expected = new ArrayList<String>();
		for (var producer : producers) {
			var topic = EventSchemas.topicOf("clinic." + producer + ".anything.v1");
			assertThat(KafkaTopics.eventsOf(producer)).isEqualTo(topic);
			var channel = Pattern.compile("address: " + Pattern.quote(topic) + "\\s+description: Published by "
					+ producer + "-service \\((\\d+) partitions\\)").matcher(asyncApi);
			assertThat(channel.find()).as("asyncapi.yaml describes " + topic).isTrue();
			assertThat(KafkaTopics.PARTITIONS.get(topic)).isEqualTo(Integer.valueOf(channel.group(1)));
			expected.add(topic);
		}
		producers.forEach(producer -> expected.add(producer + "-service.dlt"));
		assertThat(KafkaTopics.PARTITIONS.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(KafkaTopics.PARTITIONS).containsEntry(KafkaTopics.INTAKE_DLT, 1)
			.containsEntry(KafkaTopics.SCHEDULING_DLT, 1)
			.containsEntry(KafkaTopics.SESSION_DLT, 1);
	}
}
