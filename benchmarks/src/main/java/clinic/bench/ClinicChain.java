package clinic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import clinic.launcher.Stack;
import clinic.launcher.demo.GatewaySession;

/**
 * A clinic chain made through the gateway as its staff would make it, the same from the same seed and size: sites
 * open every day 07:00–21:00 with a room of chairs and nurses on the rota, patients registered with a referral
 * (names from the seed, so searches have namesakes), patients screened and cleared with a course to plan, the
 * first site's calendar filled with booked courses, and a further site's 90-day calendar loaded straight into the
 * database ({@link CalendarLoader}) to the size of a busy site's.
 */
final class ClinicChain {

	static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

	static final String[] GIVEN = { "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo",
			"Ines", "Jonas", "Karin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tara", "Urs", "Vera",
			"Walter", "Yara", "Zoe", "Amir", "Bea", "Cyril", "Dora", "Emil", "Frida", "Gian", "Hanna", "Ivo", "Jana",
			"Kurt", "Lena", "Marco", "Nina", "Oskar", "Petra" };

	static final String[] SYLLABLES = { "ber", "bach", "mann", "hof", "stein", "feld", "brun", "wald",
			"egg", "berg", "kir", "lin", "mer", "sch", "gart", "ner", "rot", "wei", "haus", "mat", "zel", "dor",
			"fri", "gel", "hal", "ler", "mos", "tal", "ring", "sand" };

	/** A registered patient as the chain made them. */
	record Patient(String id, String givenName, String familyName) {
	}

	/** A site of the chain. */
	record Site(String id, String name) {
	}

	final List<Site> sites;

	final List<Patient> patients;

	/** Cleared patients' courses to plan, by use: the calendar fill, the booking runs, the proposal probe. */
	final List<String> bookingCourses;

	final String probeCourse;

	final String probePatient;

	/** Patients screened with no decision yet: each decision the event-latency scenario signs makes a course. */
	final List<Patient> screened;

	/** Appointments booked at the first site (the calendar fill). */
	final int filledAppointments;

	/** The site whose calendar was loaded, not one of {@link #sites} (no booking run goes there), or null. */
	final Site full;

	/** Appointments loaded into {@link #full}'s calendar. */
	final int fullAppointments;

	/** Patients in intake's register: those registered through the API and those loaded besides them. */
	final int register;

	private ClinicChain(List<Site> sites, List<Patient> patients, List<String> bookingCourses, String probeCourse,
			String probePatient, List<Patient> screened, int filledAppointments, Site full, int fullAppointments, int register) {
		this.sites = sites;
		this.patients = patients;
		this.bookingCourses = bookingCourses;
		this.probeCourse = probeCourse;
		this.probePatient = probePatient;
		this.screened = screened;
		this.filledAppointments = filledAppointments;
		this.full = full;
		this.fullAppointments = fullAppointments;
		this.register = register;
	}

	Site loaded() {
		return sites.get(0);
	}

	Site empty() {
		return sites.get(sites.size() - 1);
	}

	/** Makes the chain the options describe in a suite that has none of it yet. */
	static ClinicChain make(Stack stack, Staff staff, BenchOptions options, Consumer<String> progress) {
		var random = new Random(options.seed());
		var sites = new ArrayList<Site>();
		for (int s = 1; s <= options.sites(); s++) {
			sites.add(site(staff.admin(), "Bench site " + s, options.chairs()));
		}
		progress.accept(sites.size() + " sites with " + options.chairs() + " chairs each, open every day 07:00-21:00");

		var people = new ArrayList<String[]>();
		for (int i = 0; i < options.patients(); i++) {
			people.add(new String[] { GIVEN[random.nextInt(GIVEN.length)], familyName(random),
					LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365)).toString() });
		}
		var patients = parallel(options.patients(), 4, i -> register(staff.frontDesk(), people.get(i)), progress,
				"patients registered");
		progress.accept(patients.size() + " patients registered");

		int toClear = options.fillCourses() + 3 * options.bookingCourses() + 1;
		int cleared = Math.min(toClear, patients.size());
		parallel(cleared, 4, i -> {
			var p = patients.get(i);
			decide(staff.clinician(), p.id(), screen(staff.clinician(), p.id(), random(options.seed(), i)));
			return p;
		}, progress, "patients screened and cleared");
		var screened = new ArrayList<Patient>();
		for (int i = cleared; i < Math.min(cleared + options.samples(), patients.size()); i++) {
			screen(staff.clinician(), patients.get(i).id(), random(options.seed(), i));
			screened.add(patients.get(i));
		}
		progress.accept(cleared + " patients cleared for a course, " + screened.size() + " screened and awaiting a decision");

		var courses = coursesOf(stack, patients.subList(0, cleared), progress);
		var fill = courses.subList(0, Math.min(options.fillCourses(), courses.size()));
		int appointments = 0;
		for (var course : fill) {
			appointments += bookEarliest(staff.frontDesk(), course, sites.get(0).id()).appointments();
		}
		progress.accept(fill.size() + " courses (" + appointments + " appointments) booked at " + sites.get(0).name());
		Site full = null;
		int loaded = 0;
		if (options.calendarAppointments() > 0) {
			full = site(staff.admin(), "Bench full site", options.chairs());
			loaded = CalendarLoader.load(stack, full.id(), options.calendarAppointments(), options.seed());
			progress.accept(loaded + " appointments loaded into " + full.name() + "'s next " + CalendarLoader.DAYS
					+ " days");
		}
		if (options.registerPatients() > 0) {
			PatientLoader.load(stack, options.registerPatients(), options.seed(), progress);
		}
		var probe = courses.get(courses.size() - 1);
		var probePatient = patients.get(cleared - 1).id();
		var forBooking = new ArrayList<>(courses.subList(fill.size(), courses.size() - 1));
		return new ClinicChain(List.copyOf(sites), List.copyOf(patients), List.copyOf(forBooking), probe,
				probePatient, List.copyOf(screened), appointments, full, loaded,
				patients.size() + options.registerPatients());
	}

	/** The signed-in staff the chain is made and measured by. */
	record Staff(GatewaySession admin, GatewaySession frontDesk, GatewaySession clinician) {

		static Staff signIn(String gateway) {
			return new Staff(new GatewaySession(gateway).signIn("admin", "demo"),
					new GatewaySession(gateway).signIn("frontdesk", "demo"),
					new GatewaySession(gateway).signIn("clinician", "demo"));
		}
	}

	private static Random random(long seed, int i) {
		return new Random(seed * 1_000_003L + i);
	}

	private static String familyName(Random random) {
		var name = SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
		if (random.nextInt(3) == 0) {
			name += SYLLABLES[random.nextInt(SYLLABLES.length)];
		}
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static Site site(GatewaySession admin, String name, int chairs) {
		var site = admin.post("/api/scheduling/sites", """
				{"name":"%s","timeZone":"%s"}""".formatted(name, ZONE.getId())).required("creating " + name);
		var siteId = site.get("id").asString();
		var hours = admin.get("/api/scheduling/sites/" + siteId + "/hours").required("reading its hours");
		var days = new StringBuilder();
		for (int day = 1; day <= 7; day++) {
			days.append(day == 1 ? "" : ",")
				.append("{\"dayOfWeek\":%d,\"opens\":\"07:00\",\"closes\":\"21:00\"}".formatted(day));
		}
		admin.put("/api/scheduling/sites/" + siteId + "/hours", """
				{"days":[%s],"version":%d}""".formatted(days, hours.get("version").asLong())).required("opening it");
		var room = admin.post("/api/scheduling/sites/" + siteId + "/rooms", """
				{"name":"Infusion room"}""").required("adding its room").get("id").asString();
		for (int chair = 1; chair <= chairs; chair++) {
			admin.post("/api/scheduling/rooms/" + room + "/chairs", """
					{"name":"Chair %d","attributes":["recliner"]}""".formatted(chair)).required("adding a chair");
		}
		// two chairs watched per nurse: enough nurses for every chair, every day, all day
		var validFrom = LocalDate.now(ZONE).minusDays(7);
		for (int nurse = 1; nurse <= (chairs + 1) / 2; nurse++) {
			for (int day = 1; day <= 7; day++) {
				admin.post("/api/scheduling/sites/" + siteId + "/nurse-rota", """
						{"nurse":"%s nurse %d","dayOfWeek":%d,"starts":"07:00","ends":"21:00","chairsWatched":2,
						 "validFrom":"%s"}""".formatted(name, nurse, day, validFrom)).required("putting a nurse on the rota");
			}
		}
		return new Site(siteId, name);
	}

	private static Patient register(GatewaySession frontDesk, String[] person) {
		var id = frontDesk.post("/api/intake/patients", """
				{"givenName":"%s","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
				 "referral":{"referringClinician":"Dr. Bench","reason":"Two failed antidepressant trials",
				             "indication":"TREATMENT_RESISTANT_DEPRESSION"}}""".formatted(person[0], person[1], person[2]))
			.required("registering a patient")
			.get("id")
			.asString();
		return new Patient(id, person[0], person[1]);
	}

	/** A screening that clears: PHQ-9 of moderate depression, blood pressure in range, two failed trials. */
	private static String screen(GatewaySession clinician, String patient, Random random) {
		var items = new StringBuilder();
		for (int item = 0; item < 9; item++) {
			items.append(item == 0 ? "" : ",").append(item == 8 ? 0 : 1 + random.nextInt(2));
		}
		return clinician.post("/api/intake/patients/" + patient + "/screenings", """
				{"phq9":[%s],"systolic":%d,"diastolic":%d,"heartRate":%d,"weightKg":%d,
				 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
				 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
				                         {"drug":"venlafaxine","adequate":true,"failed":true}]}"""
			.formatted(items, 110 + random.nextInt(25), 70 + random.nextInt(12), 60 + random.nextInt(25),
					55 + random.nextInt(40)))
			.required("screening a patient")
			.get("id")
			.asString();
	}

	static void decide(GatewaySession clinician, String patient, String screening) {
		clinician.post("/api/intake/patients/" + patient + "/eligibility-decisions", """
				{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening))
			.required("clearing a patient");
	}

	/** The screening of a patient screened with no decision yet (the latest). */
	static String latestScreening(GatewaySession clinician, String patient) {
		var screenings = clinician.get("/api/intake/patients/" + patient).required("reading a chart").get("screenings");
		return screenings.get(screenings.size() - 1).get("id").asString();
	}

	/** The courses scheduling made for the cleared patients, in their order, once it has heard of every decision. */
	private static List<String> coursesOf(Stack stack, List<Patient> cleared, Consumer<String> progress) {
		var deadline = Instant.now().plus(Duration.ofMinutes(2));
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("scheduling"), "postgres", "postgres")) {
			while (true) {
				var byPatient = new HashMap<String, String>();
				try (var rows = db.createStatement().executeQuery("SELECT patient_id, id FROM course")) {
					while (rows.next()) {
						byPatient.put(rows.getString(1), rows.getString(2));
					}
				}
				if (cleared.stream().allMatch(p -> byPatient.containsKey(p.id()))) {
					return cleared.stream().map(p -> byPatient.get(p.id())).toList();
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("scheduling made " + byPatient.size() + " of " + cleared.size()
							+ " courses within two minutes of the decisions");
				}
				Thread.sleep(200);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("reading scheduling's courses", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * What booking one course took: its appointments (0 when none fits or the client gave up), the booking calls
	 * refused (409), and whether the client gave up after {@link #GIVE_UP_AFTER} refusals in a row.
	 */
	record Booked(int appointments, int refused, boolean gaveUp) {
	}

	/** Refusals in a row after which a proposing client leaves the course unbooked, as a front desk would. */
	static final int GIVE_UP_AFTER = 50;

	/**
	 * Books the earliest whole course the planner proposes at the site, proposing again when a booking is refused
	 * because another client took a slot of the proposal first; gives up after {@link #GIVE_UP_AFTER} refusals.
	 */
	static Booked bookEarliest(GatewaySession frontDesk, String course, String site) {
		int refused = 0;
		while (refused < GIVE_UP_AFTER) {
			var proposal = frontDesk.post("/api/scheduling/courses/" + course + "/proposal", """
					{"siteId":"%s"}""".formatted(site));
			if (proposal.status() == 404) {
				return new Booked(0, refused, false);
			}
			var occurrences = new StringBuilder();
			int count = 0;
			for (var occurrence : proposal.required("proposing a course").get("occurrences")) {
				occurrences.append(occurrences.isEmpty() ? "" : ",")
					.append("{\"chairId\":\"%s\",\"start\":\"%s\"}".formatted(occurrence.get("chairId").asString(),
							occurrence.get("start").asString()));
				count++;
			}
			var booked = frontDesk.post("/api/scheduling/courses/" + course + "/bookings", """
					{"occurrences":[%s]}""".formatted(occurrences));
			if (booked.ok()) {
				return new Booked(count, refused, false);
			}
			if (booked.status() != 409) {
				booked.required("booking a course");
			}
			refused++;
		}
		return new Booked(0, refused, true);
	}

	/**
	 * Books the earliest whole course that fits at the site in one call: scheduling proposes and books it under the
	 * site's lock, so a client is never refused for a slot another took.
	 */
	static Booked bookAtOnce(GatewaySession frontDesk, String course, String site) {
		var booked = frontDesk.post("/api/scheduling/courses/" + course + "/earliest-booking", """
				{"siteId":"%s"}""".formatted(site));
		if (booked.status() == 404) {
			return new Booked(0, 0, false);
		}
		return new Booked(booked.required("booking the earliest course").get("appointments").size(), 0, false);
	}

	/** Runs {@code task} for 0..n-1 on {@code threads} threads; the results in index order. */
	static <T> List<T> parallel(int n, int threads, IntFunction<T> task, Consumer<String> progress, String what) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		var done = new AtomicInteger();
		int step = Math.max(1000, n / 10);
		try {
			var futures = new ArrayList<Future<T>>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					var result = task.apply(index);
					int finished = done.incrementAndGet();
					if (finished % step == 0) {
						progress.accept(finished + " of " + n + " " + what);
					}
					return result;
				}));
			}
			var results = new ArrayList<T>(n);
			for (var future : futures) {
				results.add(future.get());
			}
			return Collections.unmodifiableList(results);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

}
