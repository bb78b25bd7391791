package clinic.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of the clinic chain a run makes and how long it loads it; {@link #parse} reads them from the command line
 * over the full defaults, or over the smoke form's with {@code --smoke}.
 *
 * @param seed what the chain is made from: the same seed and size make the same chain
 * @param sites sites of the chain; the first is loaded with the calendar fill, the last kept empty as the reference
 * @param chairs chairs per site
 * @param patients patients registered (the patient search runs over them)
 * @param fillCourses courses booked at the first site before the slot search is measured
 * @param calendarAppointments appointments loaded straight into a further site's 90-day calendar (at most nine tenths
 *        of its chair times), where slot search and proposals are measured too; 0 for none
 * @param registerPatients patients loaded straight into intake's register besides those registered, so the patient
 *        search runs over a chain's register; 0 for none
 * @param bookingCourses courses booked in each of the three booking runs (proposed then booked on one site, booked at
 *        once on one site, booked at once over every site)
 * @param bookingClients front-desk clients booking at once
 * @param phase how long each load phase sends
 * @param rate arrivals a second of the open-model phases
 * @param samples how many decisions (and Kafka round trips) the event latency is taken from
 * @param clientSteps the closed-loop client counts of the saturation curve
 * @param out the report's folder
 * @param baseline an earlier run's figures.json to compare with (before/after), or null
 * @param instances instances of each service and of the gateway the harness starts: 1, or 2 to show what a second
 *        instance costs on the machine and that nothing breaks (the gateway routes to both)
 */
record BenchOptions(long seed, int sites, int chairs, int patients, int fillCourses, int calendarAppointments,
		int registerPatients, int bookingCourses, int bookingClients, Duration phase, double rate, int samples, List<Integer> clientSteps,
		Path out, Path baseline, int instances, boolean smoke) {

	static final String USAGE = """
			usage: ./clinic bench [options]
			  --smoke            small data, one short iteration (what CI runs)
			  --seed N           the chain is made from this seed (default 1)
			  --sites N          sites (default 4; smoke 2)
			  --chairs N         chairs per site (default 20; smoke 4)
			  --patients N       patients registered (default 20000; smoke 60)
			  --fill N           courses booked at the first site before slot search is measured (default 300; smoke 4)
			  --calendar N       appointments loaded straight into a further site's 90-day calendar, at most
			                     9/10 of its chair times; needs --fill 1 or more (default 20000; smoke 200)
			  --register N       patients loaded straight into intake's register besides those registered,
			                     for the patient search (default 1000000; smoke 1000)
			  --booking N        courses booked in each booking run (default 96; smoke 8)
			  --clients N        front-desk clients booking at once (default 24; smoke 4)
			  --seconds N        length of each load phase (default 30; smoke 2)
			  --rate N           arrivals a second of the open-model phases (default 50; smoke 20)
			  --samples N        decisions timed to the course in scheduling (default 100; smoke 5)
			  --out DIR          where the report goes (default benchmarks/target/bench-<time>)
			  --baseline FILE    an earlier run's figures.json: the report adds before/after
			  --instances N      1 or 2 instances of each service and of the gateway (default 1)
			  --service-jvm ARGS the services' JVM options, in one argument (default: the launcher's)
			usage: ./clinic bench --median RUN RUN RUN [--out DIR]
			  the median of each figure over earlier runs (their report folders), each ratio the median of the
			  runs' own; writes medians.md and figures.json (default benchmarks/target/medians-<time>)
			""";

	static BenchOptions full(Path out) {
		return new BenchOptions(1, 4, 20, 20_000, 300, 20_000, 1_000_000, 96, 24, Duration.ofSeconds(30), 50, 100,
				List.of(1, 2, 4, 8, 16, 32), out, null, 1, false);
	}

	static BenchOptions smoke(Path out) {
		return new BenchOptions(1, 2, 4, 60, 4, 200, 1_000, 8, 4, Duration.ofSeconds(2), 20, 5, List.of(1, 4), out, null, 1,
				true);
	}

	private static final List<String> NAMED = List.of("--seed", "--sites", "--chairs", "--patients", "--fill",
			"--calendar", "--register", "--booking", "--clients", "--seconds", "--rate", "--samples", "--out", "--baseline",
			"--instances");

	/** The options the command line gives; throws IllegalArgumentException with the usage for a bad one. */
	static BenchOptions parse(List<String> args, Path defaultOut) {
		var base = args.contains("--smoke") ? smoke(defaultOut) : full(defaultOut);
		var rest = new ArrayList<>(args);
		rest.remove("--smoke");
		var given = new HashMap<String, String>();
		for (int i = 0; i < rest.size(); i += 2) {
			var name = rest.get(i);
			if (!NAMED.contains(name)) {
				throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
			}
			if (i + 1 >= rest.size()) {
				throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
			}
			given.put(name, rest.get(i + 1));
		}
		int fill = given.containsKey("--fill") ? atLeast(0, "--fill", given.get("--fill")) : base.fillCourses;
		// the loaded calendar takes its chair time from the fill's bookings
		int calendar = given.containsKey("--calendar") ? atLeast(0, "--calendar", given.get("--calendar"))
				: fill == 0 ? 0 : base.calendarAppointments;
		if (calendar > 0 && fill == 0) {
			throw new IllegalArgumentException("--calendar takes the chair time from the courses --fill books: give "
					+ "--fill 1 or more, or --calendar 0\n" + USAGE);
		}
		return new BenchOptions(given.containsKey("--seed") ? number("--seed", given.get("--seed")) : base.seed,
				positive(given, "--sites", base.sites), positive(given, "--chairs", base.chairs),
				positive(given, "--patients", base.patients), fill, calendar,
				given.containsKey("--register") ? atLeast(0, "--register", given.get("--register")) : base.registerPatients,
				positive(given, "--booking", base.bookingCourses), positive(given, "--clients", base.bookingClients),
				Duration.ofSeconds(positive(given, "--seconds", (int) base.phase.toSeconds())),
				positive(given, "--rate", (int) base.rate), positive(given, "--samples", base.samples), base.clientSteps,
				given.containsKey("--out") ? Path.of(given.get("--out")) : base.out,
				given.containsKey("--baseline") ? Path.of(given.get("--baseline")) : base.baseline, instances(given),
				base.smoke);
	}

	private static int instances(Map<String, String> given) {
		int instances = positive(given, "--instances", 1);
		if (instances > 2) {
			throw new IllegalArgumentException("--instances takes 1 or 2, not " + instances + "\n" + USAGE);
		}
		return instances;
	}

	private static int positive(Map<String, String> given, String name, int otherwise) {
		return given.containsKey(name) ? positive(name, given.get(name)) : otherwise;
	}

	private static long number(String name, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'\n" + USAGE);
		}
	}

	private static int positive(String name, String value) {
		return atLeast(1, name, value);
	}

	private static int atLeast(int least, String name, String value) {
		long n = number(name, value);
		if (n < least || n > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(name + " takes a number of " + least + " or more, not '" + value + "'\n"
					+ USAGE);
		}
		return (int) n;
	}

	/** The chain in words, for the report. */
	String describe() {
		return ("%d sites × %d chairs, %d patients, %d courses booked at the first site, %d appointments loaded into a "
				+ "further site's calendar, %d patients loaded into the register, %d courses per booking run by %d "
				+ "clients, seed %d, %d instance%s of each service")
			.formatted(sites, chairs, patients, fillCourses, calendarAppointments, registerPatients, bookingCourses, bookingClients, seed,
					instances, instances == 1 ? "" : "s");
	}
}
