package clinic.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The AsyncAPI document integrators read lists exactly the event types that have a published schema. */
class AsyncApiDocumentTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everySchemaIsInTheAsyncApiDocumentAndEveryReferenceResolves() throws IOException {
		var document = Files.readString(RESOURCES.resolve("asyncapi.yaml"));
		var referenced = new HashSet<String>();
		var matcher = Pattern.compile("\\$ref: '(events/[^']+)'").matcher(document);
		while (matcher.find()) {
			referenced.add(matcher.group(1));
		}
		Set<String> published;
		try (var files = Files.walk(RESOURCES.resolve("events"))) {
			published = files.filter(p -> p.toString().endsWith(".schema.json"))
				.map(p -> RESOURCES.relativize(p).toString())
				.collect(Collectors.toSet());
		}
		assertThat(referenced).containsExactlyInAnyOrderElementsOf(published);
		for (var schema : published) {
			var type = Path.of(schema).getFileName().toString().replace(".schema.json", "");
			assertThat(document).contains("name: " + type);
			assertThat(EventSchemas.schemaPath(type)).isEqualTo(schema);
		}
	}
}
