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
 * The CPU time each part of the suite has used so far (user and system, its child processes included: PostgreSQL's
 * backends, Keycloak's JVM under its script), from Linux's {@code /proc/<pid>/stat}, and the harness's own (the load
 * it generates, the mail server in its JVM). Two samples around a run tell where the machine's cores went during it.
 */
final class CpuTime {

	/** The harness's own line in a sample. */
	static final String HARNESS = "harness";

	private CpuTime() {
	}

	/** Part → CPU seconds used since it started, in the order of the parts, then the harness. */
	static Map<String, Double> sample(Stack stack) {
		var seconds = new LinkedHashMap<String, Double>();
		long self = ProcessHandle.current().pid();
		for (var part : Part.values()) {
			for (int instance = 1; instance <= stack.config().instances(part); instance++) {
				var pid = stack.pid(part, instance);
				if (pid.isEmpty() || pid.getAsLong() == self) {
					continue;
				}
				var handle = ProcessHandle.of(pid.getAsLong());
				if (handle.isEmpty()) {
					continue;
				}
				long ticks = ticks(handle.get().pid())
						+ handle.get().descendants().mapToLong(child -> ticks(child.pid())).sum();
				seconds.put(instance == 1 ? part.id() : part.id() + "-" + instance, ticks / TICKS_PER_SECOND);
			}
		}
		seconds.put(HARNESS, ticks(self) / TICKS_PER_SECOND);
		return seconds;
	}

	/** What each part used between two samples, in seconds. */
	static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
		var used = new LinkedHashMap<String, Double>();
		after.forEach((part, seconds) -> used.put(part, Math.max(0, seconds - before.getOrDefault(part, 0.0))));
		return used;
	}

	/** "gateway 3.1, scheduling-service 9.0 … ms", each part's time divided by {@code per}. */
	static String describe(Map<String, Double> used, double per) {
		return used.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue() * 1000 / per))
			.collect(Collectors.joining(", ")) + " ms";
	}

	/** Linux's clock ticks a second for {@code /proc} times ({@code USER_HZ}); 100 on every kernel this runs on. */
	private static final double TICKS_PER_SECOND = 100.0;

	/** utime + stime of the process's own threads (fields 14 and 15 of its stat line, after the command's name). */
	private static long ticks(long pid) {
		try {
			var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command may hold spaces and parentheses: the fields that follow start after the last ')'
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException e) {
			// gone, or not this machine's kind of /proc: counted as nothing
			return 0;
		}
	}
}
