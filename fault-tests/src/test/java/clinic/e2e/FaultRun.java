package clinic.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.launcher.Part;
import clinic.launcher.ProgressListener;
import clinic.launcher.Stack;

/**
 * A fault run: a suite of its own (started as {@code ./clinic up} starts it, with the launcher's supervision), patient
 * paths walked by several workers at once through the gateway, and meanwhile each part in {@code crashes} killed with
 * SIGKILL in turn, the next only once the last is back. Paths keep starting until at least {@code paths} have been
 * walked and every crash is over. Then the run waits for the outboxes to drain, checks the {@link Invariants} and
 * writes a report ({@code fault-tests/target/fault-report*.md}).
 */
final class FaultRun {

	/** What to run: how many paths at least, by how many workers, which crashes in which order. */
	record Plan(String name, int paths, int workers, List<Part> crashes) {
	}

	/** What came of it. */
	record Outcome(Plan plan, List<PatientPathUnderFaults.Walked> walked, List<FaultInjector.Crash> crashes,
			List<Duration> converged, List<String> violations, Duration drained, Duration took, int retries,
			Path report) {
	}

	static final int CHAIRS = 8;

	static final int NURSES = 2;

	static final int CHAIRS_PER_NURSE = 3;

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	private final Plan plan;

	FaultRun(Plan plan) {
		this.plan = plan;
	}

	Outcome run() throws Exception {
		var project = Path.of("").toAbsolutePath().getParent();
		var data = Files.createTempDirectory(project.resolve("fault-tests/target"), "stack-");
		try (var stack = Stack.start(RunningSuite.config(project, data, RunningSuite.mondayMorningOffset()),
				ProgressListener.console(System.out))) {
			return run(stack, project.resolve("fault-tests/target"));
		}
	}

	private Outcome run(Stack stack, Path target) throws Exception {
		var started = Instant.now();
		var run = PatientPathUnderFaults.letters((int) (System.currentTimeMillis() / 1000 % 100_000));
		var gateway = stack.gatewayUrl();
		var admin = ClinicUser.signedIn(gateway, "admin");
		var ward = ClinicSteps.ownSite(admin, "Fault ward " + run, "Ward");
		ClinicSteps.chairs(admin, ward.roomId(), chairNames());
		for (int n = 1; n <= NURSES; n++) {
			ClinicSteps.nurseOnWeekdays(admin, ward.siteId(), "fault-nurse-" + n, CHAIRS_PER_NURSE);
		}
		ClinicSteps.openOnWeekdays(admin, ward.siteId(), LocalTime.of(7, 0), LocalTime.of(20, 0));
		var frontDesk = new StaffAtWork(gateway, "frontdesk", PATIENCE);
		var clinician = new StaffAtWork(gateway, "clinician", PATIENCE);
		var nurse = new StaffAtWork(gateway, "nurse", PATIENCE);
		var path = new PatientPathUnderFaults(frontDesk, clinician, nurse, ward.siteId(), run, PATIENCE);

		var walked = Collections.synchronizedList(new ArrayList<PatientPathUnderFaults.Walked>());
		var crashes = new ArrayList<FaultInjector.Crash>();
		var converged = new ArrayList<Duration>();
		var next = new AtomicInteger();
		var crashing = new java.util.concurrent.atomic.AtomicBoolean(true);
		ExecutorService workers = Executors.newFixedThreadPool(plan.workers());
		var running = new ArrayList<Future<?>>();
		for (int w = 0; w < plan.workers(); w++) {
			running.add(workers.submit(() -> {
				while (crashing.get() || next.get() < plan.paths()) {
					walked.add(path.walk(next.getAndIncrement()));
				}
			}));
		}
		try {
			var injector = new FaultInjector(stack);
			var invariants = new Invariants(stack);
			for (var part : plan.crashes()) {
				// a few paths under way before each crash
				var before = walked.size();
				org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> walked.size() >= before + plan.workers());
				System.out.println("Fault run: crashing " + part.title() + " (" + walked.size() + " paths walked)");
				var crash = injector.crash(part, Duration.ofMinutes(3));
				crashes.add(crash);
				converged.add(crash.back().plus(invariants.awaitOutboxesDrained(PATIENCE)));
				System.out.println("Fault run: " + part.title() + " back after " + crash.back().toMillis() + " ms");
			}
		}
		finally {
			crashing.set(false);
			for (var worker : running) {
				worker.get(30, TimeUnit.MINUTES);
			}
			workers.shutdown();
		}
		var invariants = new Invariants(stack);
		var drained = invariants.awaitOutboxesDrained(PATIENCE);
		var violations = invariants.check(List.copyOf(walked), ward.siteId(), NURSES * CHAIRS_PER_NURSE);
		var took = Duration.between(started, Instant.now());
		var retries = frontDesk.retries() + clinician.retries() + nurse.retries();
		var outcome = new Outcome(plan, List.copyOf(walked), List.copyOf(crashes), List.copyOf(converged), violations,
				drained, took, retries, target.resolve("fault-report-" + plan.name() + ".md"));
		write(outcome);
		return outcome;
	}

	private static String[] chairNames() {
		var names = new String[CHAIRS];
		for (int i = 0; i < CHAIRS; i++) {
			names[i] = "Bay " + (i + 1);
		}
		return names;
	}

	private static void write(Outcome outcome) {
		var report = new StringBuilder();
		var plan = outcome.plan();
		var finished = outcome.walked().stream().filter(PatientPathUnderFaults.Walked::finished).count();
		var appointments = outcome.walked().stream().mapToInt(w -> w.appointmentIds().size()).sum();
		var times = outcome.walked()
			.stream()
			.filter(PatientPathUnderFaults.Walked::finished)
			.map(PatientPathUnderFaults.Walked::took)
			.sorted()
			.toList();
		report.append("# Fault run: ").append(plan.name()).append("\n\n");
		report.append("| | |\n|---|---|\n");
		report.append("| patient paths walked | ").append(outcome.walked().size()).append(" (").append(finished)
			.append(" finished) by ").append(plan.workers()).append(" workers at once |\n");
		report.append("| infusions booked | ").append(appointments).append(" |\n");
		report.append("| faults injected | ").append(outcome.crashes().size()).append(" (SIGKILL to the part and its children) |\n");
		report.append("| calls sent again by staff | ").append(outcome.retries()).append(" |\n");
		report.append("| path time p50 / max | ")
			.append(times.isEmpty() ? "-" : times.get(times.size() / 2).toMillis() + " ms / "
					+ times.get(times.size() - 1).toMillis() + " ms")
			.append(" |\n");
		report.append("| outboxes drained after the last path | ").append(outcome.drained().toMillis()).append(" ms |\n");
		report.append("| whole run | ").append(outcome.took().toSeconds()).append(" s |\n");
		report.append("| **violations** | **").append(outcome.violations().size()).append("** |\n\n");
		report.append("| crash | part | back (answers again) | converged (back, and every outbox drained) |\n|---|---|---|---|\n");
		for (int i = 0; i < outcome.crashes().size(); i++) {
			var crash = outcome.crashes().get(i);
			report.append("| ").append(i + 1).append(" | ").append(crash.part().title()).append(" | ")
				.append(crash.back().toMillis()).append(" ms | ").append(outcome.converged().get(i).toMillis())
				.append(" ms |\n");
		}
		if (!outcome.violations().isEmpty()) {
			report.append("\n## Violations\n");
			outcome.violations().forEach(v -> report.append("- ").append(v).append('\n'));
		}
		try {
			Files.writeString(outcome.report(), report);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.out.println(report);
	}
}
