package clinic.e2e;

import static org.awaitility.Awaitility.await;

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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.launcher.Part;
import clinic.launcher.ProgressListener;
import clinic.launcher.Stack;

/**
 * A fault run: a suite of its own (started as {@code ./clinic up} starts it, with the launcher's supervision), patient
 * paths walked by several workers at once through the gateway, and meanwhile each part in {@code crashes} killed with
 * SIGKILL in turn, the next only once the last is back. Paths keep starting until at least {@code paths} have been
 * walked and every crash is over. After each crash the run waits until the part answers again and then until every
 * check across the services holds again (converged); at the end it checks the {@link Invariants}, polled until they
 * hold or the patience runs out, and writes a report ({@code fault-tests/target/fault-report-<plan>.md}). A part that
 * does not come back ends the run at once, its workers stopped.
 */
final class FaultRun {

	/**
	 * What to run: how many paths at least, by how many workers, which crashes in which order, how many instances
	 * of each service and of the gateway the suite runs ({@code --instances}), a pause between a worker's paths, and
	 * how many nurses the run's ward has on the rota (each watching {@link #CHAIRS_PER_NURSE} chairs; the ward has two
	 * chairs more than they can watch). The workers walk paths for as long as the crashes last, so a long run needs a
	 * ward big enough for all of them: a full calendar leaves later paths without a course that fits.
	 */
	record Plan(String name, int paths, int workers, List<FaultInjector.Target> crashes, int instances,
			Duration pause, int nurses) {

		/** One instance of each part, each crash killing the part, no pause between a worker's paths, two nurses. */
		Plan(String name, int paths, int workers, List<Part> crashes) {
			this(name, paths, workers, crashes, 2);
		}

		/** One instance of each part, each crash killing the part, no pause between a worker's paths. */
		Plan(String name, int paths, int workers, List<Part> crashes, int nurses) {
			this(name, paths, workers, crashes.stream().map(FaultInjector.Target::of).toList(), 1, Duration.ZERO,
					nurses);
		}

		/** Two nurses on the rota. */
		Plan(String name, int paths, int workers, List<FaultInjector.Target> crashes, int instances,
				Duration pause) {
			this(name, paths, workers, crashes, instances, pause, 2);
		}

		int chairs() {
			return nurses * CHAIRS_PER_NURSE + 2;
		}
	}

	/** What came of it. */
	record Outcome(Plan plan, List<PatientPathUnderFaults.Walked> walked, List<FaultInjector.Crash> crashes,
			List<Invariants.Held> converged, List<String> violations, Optional<Duration> drained, Duration held,
			Duration took, int retries, Path report) {
	}

	static final int CHAIRS_PER_NURSE = 3;

	/** How long a member of staff keeps at one call, and how long for a few paths between two crashes. */
	private static final Duration PATIENCE = Duration.ofMinutes(4);

	/** How long a killed part may take to come back. */
	private static final Duration CRASH_PATIENCE = Duration.ofMinutes(3);

	/** How long after a part is back every check across the services may take to hold again. */
	private static final Duration CONVERGENCE_PATIENCE = Duration.ofMinutes(3);

	/** How long the workers may take for the paths still to walk once the crashes are over. */
	private static final Duration WORKERS_PATIENCE = Duration.ofMinutes(30);

	/** How long stopped workers may take to end after a failure. */
	private static final Duration ABORT_PATIENCE = Duration.ofMinutes(1);

	private final Plan plan;

	FaultRun(Plan plan) {
		this.plan = plan;
	}

	Outcome run() throws Exception {
		var project = Path.of("").toAbsolutePath().getParent();
		var data = Files.createTempDirectory(project.resolve("fault-tests/target"), "stack-");
		try (var stack = Stack.start(RunningSuite.config(project, data, RunningSuite.mondayMorningOffset(), plan.instances()),
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
		ClinicSteps.chairs(admin, ward.roomId(), chairNames(plan.chairs()));
		for (int n = 1; n <= plan.nurses(); n++) {
			ClinicSteps.nurseOnWeekdays(admin, ward.siteId(), "fault-nurse-" + n, CHAIRS_PER_NURSE);
		}
		ClinicSteps.openOnWeekdays(admin, ward.siteId(), LocalTime.of(7, 0), LocalTime.of(20, 0));
		// with two gateways the staff are spread over both, each going on at the other while theirs is down (as a
		// load balancer in front of the gateways would send them), in the same session
		var gateways = new ArrayList<String>();
		for (int i = 1; i <= plan.instances(); i++) {
			gateways.add(stack.gatewayUrl(i));
		}
		var frontDesk = new StaffAtWork(rotated(gateways, 0), "frontdesk", PATIENCE);
		var clinician = new StaffAtWork(rotated(gateways, 1), "clinician", PATIENCE);
		var nurse = new StaffAtWork(rotated(gateways, 0), "nurse", PATIENCE);
		var path = new PatientPathUnderFaults(frontDesk, clinician, nurse, ward.siteId(), run, PATIENCE);
		var invariants = new Invariants(stack);
		var capacity = plan.nurses() * CHAIRS_PER_NURSE;

		var walked = Collections.synchronizedList(new ArrayList<PatientPathUnderFaults.Walked>());
		var crashes = new ArrayList<FaultInjector.Crash>();
		var converged = new ArrayList<Invariants.Held>();
		var next = new AtomicInteger();
		var crashing = new AtomicBoolean(true);
		var aborted = new AtomicBoolean(false);
		ExecutorService workers = Executors.newFixedThreadPool(plan.workers());
		var running = new ArrayList<Future<?>>();
		for (int w = 0; w < plan.workers(); w++) {
			running.add(workers.submit(() -> {
				while (!aborted.get() && (crashing.get() || next.get() < plan.paths())) {
					walked.add(path.walk(next.getAndIncrement()));
					// slower crashes (a suite of two of each) would otherwise book the ward's chairs full
					TimeUnit.MILLISECONDS.sleep(plan.pause().toMillis());
				}
				return null;
			}));
		}
		Throwable failure = null;
		try {
			var injector = new FaultInjector(stack);
			for (var victim : plan.crashes()) {
				// a few paths under way before each crash
				var before = walked.size();
				await().atMost(PATIENCE).until(() -> walked.size() >= before + plan.workers());
				System.out.println("Fault run: crashing " + victim.title() + " (" + walked.size() + " paths walked)");
				var crash = injector.crash(victim, CRASH_PATIENCE);
				crashes.add(crash);
				System.out.println("Fault run: " + victim.title() + " back after " + crash.back().toMillis() + " ms");
				// converged: every check across the services holds for the paths walked so far
				var held = invariants.awaitHolding(List.copyOf(walked), ward.siteId(), capacity, CONVERGENCE_PATIENCE);
				converged.add(held);
				System.out.println("Fault run: after the crash of " + victim.title() + (held.holds()
						? ", every check holds again after " + held.took().toMillis() + " ms more"
						: ", the checks still fail after " + held.took().toSeconds() + " s: " + held.violations()));
			}
		}
		catch (Exception | Error e) {
			failure = e;
		}
		failure = stopWorkers(workers, running, crashing, aborted, failure);
		if (failure instanceof Exception e) {
			throw e;
		}
		if (failure instanceof Error e) {
			throw e;
		}
		var walkedPaths = List.copyOf(walked);
		var drained = invariants.awaitOutboxesDrained(PATIENCE);
		var violations = new ArrayList<>(Invariants.unfinished(walkedPaths));
		for (int i = 0; i < crashes.size(); i++) {
			if (!converged.get(i).holds()) {
				violations.add("after the crash of " + crashes.get(i).title() + " the services did not agree within "
						+ CONVERGENCE_PATIENCE.toMinutes() + " min: " + converged.get(i).violations());
			}
		}
		var end = invariants.awaitHolding(walkedPaths, ward.siteId(), capacity, CONVERGENCE_PATIENCE);
		violations.addAll(end.violations());
		var took = Duration.between(started, Instant.now());
		var retries = frontDesk.retries() + clinician.retries() + nurse.retries();
		var outcome = new Outcome(plan, walkedPaths, List.copyOf(crashes), List.copyOf(converged), violations,
				drained, end.took(), took, retries, target.resolve("fault-report-" + plan.name() + ".md"));
		write(outcome);
		return outcome;
	}

	/**
	 * Ends the workers: after the crashes they finish the paths still to walk (within {@link #WORKERS_PATIENCE});
	 * after a failure (a part that did not come back, say) they are stopped at once, not left walking against a broken
	 * suite. Returns the failure to throw: the first one stays first, a worker's is added to it as suppressed.
	 */
	private static Throwable stopWorkers(ExecutorService workers, List<Future<?>> running, AtomicBoolean crashing,
			AtomicBoolean aborted, Throwable failure) {
		crashing.set(false);
		if (failure != null) {
			aborted.set(true);
			workers.shutdownNow();
		}
		else {
			workers.shutdown();
		}
		var deadline = System.nanoTime() + (failure != null ? ABORT_PATIENCE : WORKERS_PATIENCE).toNanos();
		for (var worker : running) {
			Throwable problem = null;
			try {
				worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (ExecutionException e) {
				problem = e.getCause();
			}
			catch (TimeoutException e) {
				problem = new AssertionError("a worker was still walking a path after "
						+ (failure != null ? ABORT_PATIENCE : WORKERS_PATIENCE).toMinutes() + " min", e);
				aborted.set(true);
				workers.shutdownNow();
			}
			catch (CancellationException e) {
				problem = e;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				problem = e;
			}
			if (problem != null) {
				if (failure == null) {
					failure = problem;
				}
				else if (failure != problem) {
					failure.addSuppressed(problem);
				}
			}
		}
		workers.shutdownNow();
		return failure;
	}

	/** The gateways, starting at the {@code first}-th: where a member of staff works, then where they go on. */
	private static List<String> rotated(List<String> gateways, int first) {
		var order = new ArrayList<String>();
		for (int i = 0; i < gateways.size(); i++) {
			order.add(gateways.get((first + i) % gateways.size()));
		}
		return order;
	}

	private static String[] chairNames(int chairs) {
		var names = new String[chairs];
		for (int i = 0; i < chairs; i++) {
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
		if (plan.instances() > 1) {
			report.append("| instances of each service and of the gateway | ").append(plan.instances())
				.append(" (staff spread over the gateways) |\n");
		}
		report.append("| patient paths walked | ").append(outcome.walked().size()).append(" (").append(finished)
			.append(" finished) by ").append(plan.workers()).append(" workers at once |\n");
		if (!plan.pause().isZero()) {
			report.append("| pause between a worker's paths | ").append(plan.pause().toSeconds()).append(" s |\n");
		}
		report.append("| the run's ward | ").append(plan.chairs()).append(" chairs, ").append(plan.nurses())
			.append(" nurses on the rota (").append(CHAIRS_PER_NURSE).append(" chairs each) |\n");
		report.append("| infusions booked | ").append(appointments).append(" |\n");
		report.append("| faults injected | ").append(outcome.crashes().size()).append(" (SIGKILL to the part and its children) |\n");
		report.append("| calls sent again by staff | ").append(outcome.retries()).append(" |\n");
		report.append("| path time p50 / max | ")
			.append(times.isEmpty() ? "-" : times.get(times.size() / 2).toMillis() + " ms / "
					+ times.get(times.size() - 1).toMillis() + " ms")
			.append(" |\n");
		report.append("| outboxes drained after the last path | ")
			.append(outcome.drained().map(d -> d.toMillis() + " ms").orElse("not within " + PATIENCE.toMinutes() + " min"))
			.append(" |\n");
		report.append("| every check across the services held after the last path | ").append(outcome.held().toMillis())
			.append(" ms |\n");
		report.append("| whole run | ").append(outcome.took().toSeconds()).append(" s |\n");
		report.append("| **violations** | **").append(outcome.violations().size()).append("** |\n\n");
		report.append("| crash | part | back (answers again) | converged (back, then every check across the services holds) |\n|---|---|---|---|\n");
		for (int i = 0; i < outcome.crashes().size(); i++) {
			var crash = outcome.crashes().get(i);
			var held = outcome.converged().get(i);
			report.append("| ").append(i + 1).append(" | ").append(crash.title()).append(" | ")
				.append(crash.back().toMillis()).append(" ms | ")
				.append(held.holds() ? crash.back().plus(held.took()).toMillis() + " ms"
						: "not within " + CONVERGENCE_PATIENCE.toMinutes() + " min after it was back")
				.append(" |\n");
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
