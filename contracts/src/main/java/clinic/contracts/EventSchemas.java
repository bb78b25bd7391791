package clinic.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contract of every event type. A type name such as {@code clinic.intake.patient-registered.v1}
 * names its producer (second segment) and its schema file ({@code events/intake/<type>.schema.json}).
 * Producers validate before an event is stored for publishing; consumers validate before handling, so a
 * record that breaks the contract is refused on both sides instead of being half-understood.
 */
public final class EventSchemas {

	private static final Pattern TYPE = Pattern.compile("clinic\\.([a-z]+)\\.([a-z-]+)\\.v(\\d+)");

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

	private EventSchemas() {
	}

	/** The topic a type is published on: one topic per producing service. */
	public static String topicOf(String type) {
		var matcher = matching(type);
		return "clinic." + matcher.group(1);
	}

	/** Classpath location of the schema of an event type. */
	public static String schemaPath(String type) {
		var matcher = matching(type);
		return "events/" + matcher.group(1) + "/" + type + ".schema.json";
	}

	public static boolean isKnown(String type) {
		return TYPE.matcher(type).matches() && EventSchemas.class.getClassLoader().getResource(schemaPath(type)) != null;
	}

	/** Validates event data against its type's schema; returns the violations, empty when it conforms. */
	public static List<String> violations(String type, byte[] data) {
		JsonNode node;
		try {
			node = JSON.readTree(data);
		}
		catch (RuntimeException e) {
			return List.of("data is not JSON: " + e.getMessage());
		}
		return schema(type).validate(node).stream().map(Error::toString).toList();
	}

	/** Throws {@link EventContractViolation} when the data does not conform to its type's schema. */
	public static void requireValid(String type, byte[] data) {
		var violations = violations(type, data);
		if (!violations.isEmpty()) {
			throw new EventContractViolation(type, violations);
		}
	}

	private static Schema schema(String type) {
		return CACHE.computeIfAbsent(type, t -> {
			var path = schemaPath(t);
			try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					throw new EventContractViolation(t, List.of("no schema published for this event type at " + path));
				}
				return REGISTRY.getSchema(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private static java.util.regex.Matcher matching(String type) {
		var matcher = TYPE.matcher(type == null ? "" : type);
		if (!matcher.matches()) {
			throw new EventContractViolation(String.valueOf(type),
					List.of("type names look like clinic.<producer>.<event-name>.v<version>"));
		}
		return matcher;
	}
}
