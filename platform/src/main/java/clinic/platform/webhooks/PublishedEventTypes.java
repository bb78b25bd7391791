package clinic.platform.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The event types this service publishes, as the contracts module lists them: the JSON Schemas under
 * {@code events/<clinic.api.name>/}, each named {@code <type>.schema.json} (the AsyncAPI document names the same).
 * A subscription may name only these.
 */
@Component
public class PublishedEventTypes {

	private final List<String> types;

	PublishedEventTypes(@Value("${clinic.api.name}") String service) {
		try {
			var prefix = "clinic." + service + ".";
			types = Arrays
				.stream(new PathMatchingResourcePatternResolver()
					.getResources("classpath*:events/" + service + "/*.schema.json"))
				.map(resource -> Objects.requireNonNull(resource.getFilename()).replace(".schema.json", ""))
				.filter(type -> type.startsWith(prefix))
				.distinct()
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<String> types() {
		return types;
	}

	public boolean publishes(String type) {
		return types.contains(type);
	}
}
