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
 * ({@link Stack#pid}, {@link Stack#awaitRestarted}): the same health checks it starts the part with.
 */
final class FaultInjector {

	/** One crash: the part, the process killed, when, and how long until it answered again. */
	record Crash(Part part, long pid, Instant at, Duration back) {
	}

	private final Stack stack;

	FaultInjector(Stack stack) {
		this.stack = stack;
	}

	Crash crash(Part part, Duration patience) throws InterruptedException {
		var pid = stack.pid(part).orElseThrow(() -> new AssertionError(part + " is not running before its crash"));
		var process = ProcessHandle.of(pid)
			.orElseThrow(() -> new AssertionError(part + " (pid " + pid + ") is gone before its crash"));
		// the children first named: once their parent is dead they are no longer its descendants
		var children = process.descendants().toList();
		var at = Instant.now();
		process.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError(part + " (pid " + pid + ") did not die on SIGKILL", e);
		}
		try {
			stack.awaitRestarted(part, pid, patience);
		}
		catch (IllegalStateException e) {
			throw new AssertionError(part + " is not back after its crash (killed pid " + pid + "; see "
					+ stack.logFile(part) + ")", e);
		}
		return new Crash(part, pid, at, Duration.between(at, Instant.now()));
	}
}
