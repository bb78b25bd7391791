import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Where the test time goes: per module and the ten slowest test classes, read from the Surefire and Failsafe reports
 * under every module's target/. The README's test command prints it at the end; run it any time with
 * {@code java scripts/TestTimes.java [project-dir]}. A class's time includes what it starts first (a Spring context,
 * the whole suite), so a shared context shows up in the first class that uses it.
 */
public class TestTimes {

	record Suite(String module, String phase, String name, int tests, int failed, int skipped, double seconds) {
	}

	public static void main(String[] args) throws IOException {
		var project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
		var suites = new ArrayList<Suite>();
		try (Stream<Path> modules = Files.list(project)) {
			for (var module : modules.filter(Files::isDirectory).sorted().toList()) {
				suites.addAll(read(module, "surefire"));
				suites.addAll(read(module, "failsafe"));
			}
		}
		if (suites.isEmpty()) {
			System.out.println("No test reports under " + project + "/*/target/{surefire,failsafe}-reports");
			return;
		}
		var byModule = new TreeMap<String, List<Suite>>();
		suites.forEach(s -> byModule.computeIfAbsent(s.module(), m -> new ArrayList<>()).add(s));
		var out = new StringBuilder();
		out.append("\nTest time by module (sum of test class times, from the Surefire and Failsafe reports)\n");
		out.append(String.format(Locale.ROOT, "  %-20s %8s %7s %10s%n", "module", "classes", "tests", "time"));
		double total = 0;
		int totalTests = 0;
		for (Map.Entry<String, List<Suite>> module : byModule.entrySet()) {
			double seconds = module.getValue().stream().mapToDouble(Suite::seconds).sum();
			int tests = module.getValue().stream().mapToInt(Suite::tests).sum();
			total += seconds;
			totalTests += tests;
			out.append(String.format(Locale.ROOT, "  %-20s %8d %7d %8.1f s%n", module.getKey(),
					module.getValue().size(), tests, seconds));
		}
		out.append(String.format(Locale.ROOT, "  %-20s %8d %7d %8.1f s%n", "all", suites.size(), totalTests, total));
		out.append("Ten slowest test classes\n");
		suites.stream()
			.sorted(Comparator.comparingDouble(Suite::seconds).reversed())
			.limit(10)
			.forEach(s -> out.append(String.format(Locale.ROOT, "  %7.1f s  %-20s %s (%d tests, %s)%n", s.seconds(),
					s.module(), s.name(), s.tests(), s.phase())));
		var failing = suites.stream().filter(s -> s.failed() > 0).toList();
		failing.forEach(s -> out.append("  FAILED: " + s.module() + " " + s.name() + "\n"));
		System.out.print(out);
	}

	static List<Suite> read(Path module, String plugin) throws IOException {
		var reports = module.resolve("target").resolve(plugin + "-reports");
		if (!Files.isDirectory(reports)) {
			return List.of();
		}
		var suites = new ArrayList<Suite>();
		try (Stream<Path> files = Files.list(reports)) {
			for (var file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					var xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
					while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
						// the root element <testsuite> carries the totals
					}
					int tests = integer(xml.getAttributeValue(null, "tests"));
					int failed = integer(xml.getAttributeValue(null, "failures"))
							+ integer(xml.getAttributeValue(null, "errors"));
					suites.add(new Suite(module.getFileName().toString(), plugin, xml.getAttributeValue(null, "name"),
							tests, failed, integer(xml.getAttributeValue(null, "skipped")),
							decimal(xml.getAttributeValue(null, "time"))));
				}
				catch (XMLStreamException e) {
					System.out.println("  (unreadable report " + file + ": " + e.getMessage() + ")");
				}
			}
		}
		return suites;
	}

	static int integer(String value) {
		return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
	}

	static double decimal(String value) {
		return value == null || value.isBlank() ? 0 : Double.parseDouble(value.trim().replace(",", ""));
	}
}
