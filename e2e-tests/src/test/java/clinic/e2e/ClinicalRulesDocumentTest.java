package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/clinical-rules.md is the clinic's reference of every rule and its setting: it must name every {@code clinic.*}
 * setting a service reads, from its application.yml or from a placeholder in its code. A setting added without a
 * word in the reference fails the build.
 */
class ClinicalRulesDocumentTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(clinic\\.[a-zA-Z0-9.-]+)");

	@Test
	void everyClinicSettingOfEveryServiceIsInTheClinicalReference() throws IOException {
		var settings = settings();
		assertThat(settings).as("settings found").contains("clinic.session.path.minimum-dose-interval",
				"clinic.intake.dose.min-mg-per-kg", "clinic.scheduling.chair-time.infusion", "clinic.events.consume");
		var reference = Files.readString(PROJECT.resolve("docs/clinical-rules.md"));
		var missing = settings.stream().filter(key -> !reference.contains("`" + key)).toList();
		assertThat(missing).as("settings docs/clinical-rules.md does not name").isEmpty();
	}

	/** Every clinic.* key of every module's application.yml (a map keyed by names, like routes, as one) and code. */
	static TreeSet<String> settings() throws IOException {
		var keys = new TreeSet<String>();
		try (Stream<Path> modules = Files.list(PROJECT)) {
			for (var module : modules.filter(Files::isDirectory).toList()) {
				var yml = module.resolve("src/main/resources/application.yml");
				if (Files.exists(yml)) {
					Map<String, Object> document = new Yaml().load(Files.readString(yml));
					if (document != null && document.get("clinic") instanceof Map<?, ?> clinic) {
						flatten("clinic", clinic, keys);
					}
				}
				var sources = module.resolve("src/main/java");
				if (Files.isDirectory(sources)) {
					try (Stream<Path> files = Files.walk(sources)) {
						for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
							var matcher = PLACEHOLDER.matcher(Files.readString(file));
							while (matcher.find()) {
								keys.add(matcher.group(1));
							}
						}
					}
				}
			}
		}
		return keys;
	}

	private static void flatten(String prefix, Map<?, ?> map, TreeSet<String> keys) {
		for (var entry : map.entrySet()) {
			var name = String.valueOf(entry.getKey());
			if (name.equals(name.toUpperCase()) && !name.equals(name.toLowerCase())) {
				// keyed by a name (INTRANASAL: 2h): the setting is the map itself
				keys.add(prefix);
				continue;
			}
			var key = prefix + "." + name;
			if (entry.getValue() instanceof Map<?, ?> nested) {
				flatten(key, nested, keys);
			}
			else {
				keys.add(key);
			}
		}
	}
}
