package clinic.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import clinic.launcher.ProgressListener;
import clinic.launcher.Stack;
import clinic.launcher.StackConfig;

/**
 * {@code ./clinic bench}: starts the suite on a new data folder (random ports, so beside a running {@code ./clinic up}),
 * makes a clinic chain from a seed, runs every scenario with its reference in the same run and writes the report.
 * The end-to-end tests run its smoke form ({@link #run} on their suite) so that the harness keeps working.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		var arguments = new java.util.ArrayList<>(Arrays.asList(args));
		var project = Path.of("").toAbsolutePath();
		int at = arguments.indexOf("--project-dir");
		if (at >= 0 && at + 1 < arguments.size()) {
			project = Path.of(arguments.get(at + 1)).toAbsolutePath();
			arguments.remove(at + 1);
			arguments.remove(at);
		}
		List<String> serviceJvm = null;
		int jvm = arguments.indexOf("--service-jvm");
		if (jvm >= 0 && jvm + 1 < arguments.size()) {
			serviceJvm = List.of(arguments.get(jvm + 1).trim().split("\\s+"));
			arguments.remove(jvm + 1);
			arguments.remove(jvm);
		}
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		var stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		if (arguments.contains("--median")) {
			try {
				System.out.println("Medians: " + Medians.main(arguments, project.resolve("benchmarks/target/medians-" + stamp)));
			}
			catch (IllegalArgumentException e) {
				System.err.println(e.getMessage());
				System.exit(2);
			}
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(arguments, project.resolve("benchmarks/target/bench-" + stamp));
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(2);
			return;
		}
		Path data;
		try {
			data = Files.createDirectories(project.resolve("benchmarks/target/bench-data-" + stamp));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var builder = StackConfig.builder()
			.projectDir(project)
			.dataDir(data)
			.keycloakDir(project.resolve(".clinic/keycloak-bench"))
			.randomPorts();
		if (serviceJvm != null) {
			builder.serviceJvmArgs(serviceJvm);
		}
		builder.instances(options.instances());
		var config = builder.build();
		System.out.println("Services' JVM: " + String.join(" ", config.serviceJvmArgs()));
		System.out.println("Starting the suite on a new data folder (" + data + ")");
		var stack = Stack.start(config, ProgressListener.console(System.out));
		var cold = stack.startupTime().toMillis() / 1000.0;
		Report report;
		try {
			report = measure(stack, options, System.out::println);
		}
		finally {
			stack.close();
		}
		if (options.smoke()) {
			report.add(Figure.of("start-cold", "start on a new data folder (after the build)", "s", cold, "≤ 60 s"));
		}
		else {
			System.out.println("Starting it again on the same data folder: the warm start");
			try (var again = Stack.start(config, ProgressListener.console(System.out))) {
				report.add(Figure.against("start-warm", "start on the data folder of an earlier start", "s",
						again.startupTime().toMillis() / 1000.0, "on a new data folder (after the build)", cold,
						"warm ≤ 25 s, cold ≤ 60 s"));
			}
		}
		System.out.println("Report: " + write(report, options));
	}

	/**
	 * Makes the chain in {@code stack}, a suite that has none of it yet, runs every scenario and writes the report
	 * into {@code out}; returns the report (Markdown). {@code args} are the command line's options.
	 */
	public static Path run(Stack stack, List<String> args, Path out, Consumer<String> progress) {
		var options = BenchOptions.parse(args, out);
		return write(measure(stack, options, progress), options);
	}

	private static Report measure(Stack stack, BenchOptions options, Consumer<String> progress) {
		progress.accept("Making the chain: " + options.describe());
		var staff = ClinicChain.Staff.signIn(stack.gatewayUrl());
		var chain = ClinicChain.make(stack, staff, options, progress);
		var report = new Report();
		report.note("The services' JVM options: `" + String.join(" ", stack.config().serviceJvmArgs()) + "`.");
		report.note(stack.config().instances() == 1 ? "One instance of each service and of the gateway."
				: stack.config().instances() + " instances of each service and of the gateway: the harness calls the "
						+ "first gateway, which routes to every instance; the direct references call the first instance.");
		var scenarios = new Scenarios(stack, staff, chain, options, report, progress);
		scenarios.runAll();
		scenarios.finish();
		return report;
	}

	private static Path write(Report report, BenchOptions options) {
		var baseline = options.baseline() == null ? null : Report.readFigures(options.baseline());
		return report.write(options.out(), options, Environment.describe(), baseline);
	}
}
