package clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run measured on, in words, for the report. */
final class Environment {

	private Environment() {
	}

	static String describe() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", " + System.getProperty("os.name")
				+ " " + System.getProperty("os.version") + ", harness on Java " + System.getProperty("java.version");
	}

	private static String memory() {
		try {
			for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format(Locale.ROOT, "%.0f GiB", kib / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// not Linux: say nothing about memory
		}
		return "memory unknown";
	}
}
