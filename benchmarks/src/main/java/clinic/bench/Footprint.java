package clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import clinic.launcher.Part;
import clinic.launcher.Stack;

/**
 * What each part of the suite holds in memory: its proportional set size (shared pages split between the processes
 * that share them, so the parts add up to what the suite costs the machine), with its child processes, from Linux's
 * {@code /proc/<pid>/smaps_rollup}. PostgreSQL is its postmaster and every backend; Keycloak its launcher script and
 * its JVM.
 */
final class Footprint {

	private Footprint() {
	}

	/** Part → MiB, for every part that runs (a part in the same JVM as the harness, such as the mail server, is left out). */
	static Map<String, Double> measure(Stack stack) {
		var sizes = new LinkedHashMap<String, Double>();
		for (var part : Part.values()) {
			for (int instance = 1; instance <= stack.config().instances(part); instance++) {
				var pid = stack.pid(part, instance);
				if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
					continue;
				}
				var handle = ProcessHandle.of(pid.getAsLong());
				if (handle.isEmpty()) {
					continue;
				}
				long kib = pssKib(handle.get().pid());
				kib += handle.get().descendants().mapToLong(child -> pssKib(child.pid())).sum();
				sizes.put(instance == 1 ? part.id() : part.id() + "-" + instance, kib / 1024.0);
			}
		}
		return sizes;
	}

	static String describe(Map<String, Double> sizes) {
		return sizes.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.0f", e.getValue()))
			.collect(Collectors.joining(", ")) + " MiB";
	}

	private static long pssKib(long pid) {
		try {
			for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
				if (line.startsWith("Pss:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return 0;
		}
		catch (IOException | RuntimeException e) {
			// gone, or not this machine's kind of /proc: counted as nothing
			return 0;
		}
	}
}
