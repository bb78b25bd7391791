package clinic.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import clinic.launcher.Part;
import clinic.launcher.Stack;

/**
 * Crashes one part of a running suite the hard way (SIGKILL to its process and every process under it, as a power cut
 * or the kernel's OOM killer would) and waits until the launcher's supervision has brought it back and it passes its
 * health check again. Which process is the part's, and whether it is back, is the launcher's to say
 * ({@link Stack#pid}, {@link Stack#awaitRestarted}): the same health checks it starts the part with. In a suite of two
 * of each service ({@code --instances 2}) it crashes one instance, the other runs on.
 */
final class FaultInjector {

	/** What to crash: a part, and which instance of it (1, or 2 for a service's second instance). */
	record Target(Part part, int instance) {

		static Target of(Part part) {
			return new Target(part, 1);
		}

		/** "scheduling-service", or "scheduling-service #2" for its second instance. */
		String title() {
			return part.title() + (instance > 1 ? " #" + instance : "");
		}
	}

	/** One crash: the part (and instance), the process killed, when, and how long until it answered again. */
	record Crash(Target target, long pid, Instant at, Duration back) {

		Part part() {
			return target.part();
		}

		String title() {
			return target.title();
		}
	}

	private final Stack stack;

	FaultInjector(Stack stack) {
		this.stack = stack;
	}

	Crash crash(Part part, Duration patience) throws InterruptedException {
		return crash(Target.of(part), patience);
	}

	Crash crash(Target target, Duration patience) throws InterruptedException {
		var part = target.part();
		var pid = stack.pid(part, target.instance())
			.orElseThrow(() -> new AssertionError(target.title() + " is not running before its crash"));
		var process = ProcessHandle.of(pid)
			.orElseThrow(() -> new AssertionError(target.title() + " (pid " + pid + ") is gone before its crash"));
		// the children first named: once their parent is dead they are no longer its descendants
		var children = process.descendants().toList();
		var at = Instant.now();
		process.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError(target.title() + " (pid " + pid + ") did not die on SIGKILL", e);
		}
		try {
			stack.awaitRestarted(part, target.instance(), pid, patience);
		}
		catch (IllegalStateException e) {
			throw new AssertionError(target.title() + " is not back after its crash (killed pid " + pid + "; see "
					+ stack.logFile(part, target.instance()) + ")", e);
		}
		return new Crash(target, pid, at, Duration.between(at, Instant.now()));
	}
}
