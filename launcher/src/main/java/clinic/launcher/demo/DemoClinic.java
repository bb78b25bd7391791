package clinic.launcher.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * A demo clinic, made through the gateway as its staff would make it, so that a newcomer signs in and sees a real
 * day: a second site, "Lakeside", open every day 07:00–21:00 with four chairs and two nurses; patients at every stage
 * of the path (referred — one with a consultation booked —, screened and waiting for review — one urgently —,
 * declined, cleared with a course to plan, and three courses booked from today, the first infusions today where the
 * day still has room: one infusing, one checked in, one booked). The demo clinician ("clinician") has consultation
 * slots at Lakeside this afternoon and tomorrow afternoon; Ada Lovelace's consultation is booked into the earliest
 * free one. It is made once: a clinic that already has a site called Lakeside is left as it is.
 * "Today" is the clinic's: the clock given runs as the services' does (with {@code CLINIC_CLOCK_OFFSET} when set).
 */
public final class DemoClinic {

	public static final String SITE = "Lakeside";

	/** The demo clinician, whose consultation slots the demo opens: the username they sign in with. */
	public static final String CLINICIAN = "clinician";

	/** The referred demo patient whose consultation the demo books. */
	public static final String CONSULTED = "Ada Lovelace";

	/** The afternoon consultation slots the demo opens today and tomorrow, 45 minutes each, on Lakeside's clock. */
	static final List<java.time.LocalTime> CONSULTATION_STARTS = List.of(java.time.LocalTime.of(13, 0),
			java.time.LocalTime.of(13, 45), java.time.LocalTime.of(14, 30), java.time.LocalTime.of(15, 15));

	private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

	private final GatewaySession admin;

	private final GatewaySession frontDesk;

	private final GatewaySession clinician;

	private final GatewaySession nurse;

	private final Consumer<String> progress;

	private final Clock clock;

	private DemoClinic(String gateway, Clock clock, Consumer<String> progress) {
		this.progress = progress;
		this.clock = clock;
		this.admin = new GatewaySession(gateway).signIn("admin", "demo");
		this.frontDesk = new GatewaySession(gateway).signIn("frontdesk", "demo");
		this.clinician = new GatewaySession(gateway).signIn("clinician", "demo");
		this.nurse = new GatewaySession(gateway).signIn("nurse", "demo");
	}

	/** Makes the demo clinic through the gateway unless it is there; returns what was made, in words. */
	public static String seed(String gateway, Clock clock, Consumer<String> progress) {
		var demo = new DemoClinic(gateway, clock, progress);
		for (var site : demo.admin.get("/api/scheduling/sites").required("reading the sites")) {
			if (SITE.equals(site.get("name").asString())) {
				return "the demo clinic is there already (site " + SITE + ")";
			}
		}
		return demo.make();
	}

	private String make() {
		var site = lakeside();
		progress.accept("site " + SITE + ": 4 chairs, 2 nurses, open every day 07:00-21:00");
		var ada = register("Ada", "Lovelace", "1985-12-10");
		register("Charles", "Babbage", "1971-12-26");
		var waiting = register("Mary", "Shelley", "1977-08-30");
		screen(waiting, "[2,2,2,2,1,1,1,1,0]", 150, 92);
		var urgent = register("Emily", "Dickinson", "1980-12-10");
		screen(urgent, "[3,3,2,2,2,2,1,1,1]", 122, 78);
		var declined = register("Alan", "Turing", "1962-06-23");
		decide(declined, screen(declined, "[2,2,2,1,1,1,1,1,0]", 172, 106), "DECLINED");
		var toPlan = register("Grace", "Hopper", "1966-12-09");
		decide(toPlan, screen(toPlan, "[2,2,2,2,2,1,1,1,0]", 118, 76), "CLEARED");
		progress.accept("patients: 2 referred, 2 waiting for review (1 urgent), 1 declined, 1 cleared with a course to plan");
		var slots = consultationSlots(site);
		var consultation = bookConsultation(ada, site);
		progress.accept("consultations: " + slots + " slots of " + CLINICIAN + " at " + SITE + "; " + CONSULTED + " "
				+ (consultation == null ? "not booked (no free slot)" : "booked " + consultation));

		var booked = new ArrayList<String>();
		for (var name : List.of(new String[] { "Katherine", "Johnson", "1978-08-26" },
				new String[] { "Rosalind", "Franklin", "1970-07-25" }, new String[] { "Marie", "Curie", "1967-11-07" })) {
			var patient = register(name[0], name[1], name[2]);
			decide(patient, screen(patient, "[2,2,2,2,2,1,1,1,0]", 120, 78), "CLEARED");
			booked.add(bookCourse(patient, site));
		}
		var today = LocalDate.now(clock.withZone(ZONE));
		var todays = booked.stream().filter(first -> first != null && first.startsWith(today + "|")).count();
		progress.accept("3 courses booked at " + SITE + ", " + todays + " starting today");
		var charted = chartToday(booked);
		return "site " + SITE + ", 9 patients along the path, " + (consultation == null ? 0 : 1)
				+ " consultation booked, 3 courses booked, " + charted
				+ " of today's infusions under way (sign in as frontdesk, nurse, clinician or admin)";
	}

	/** The site, its hours every day, a room with four chairs and two nurses on the rota every day. */
	private String lakeside() {
		var site = admin.post("/api/scheduling/sites", """
				{"name":"%s","timeZone":"%s"}""".formatted(SITE, ZONE.getId())).required("creating the demo site");
		var siteId = site.get("id").asString();
		var hours = admin.get("/api/scheduling/sites/" + siteId + "/hours").required("reading its hours");
		var days = new StringBuilder();
		for (int day = 1; day <= 7; day++) {
			days.append(day == 1 ? "" : ",").append("{\"dayOfWeek\":%d,\"opens\":\"07:00\",\"closes\":\"21:00\"}".formatted(day));
		}
		admin.put("/api/scheduling/sites/" + siteId + "/hours", """
				{"days":[%s],"version":%d}""".formatted(days, hours.get("version").asLong())).required("opening it");
		var room = admin.post("/api/scheduling/sites/" + siteId + "/rooms", """
				{"name":"Lake room"}""").required("adding its room").get("id").asString();
		for (int chair = 1; chair <= 4; chair++) {
			admin.post("/api/scheduling/rooms/" + room + "/chairs", """
					{"name":"Lake %d","attributes":["recliner"%s]}""".formatted(chair, chair <= 2 ? ",\"monitor\"" : ""))
				.required("adding a chair");
		}
		for (var name : List.of("Nurse Lake A", "Nurse Lake B")) {
			for (int day = 1; day <= 7; day++) {
				admin.post("/api/scheduling/sites/" + siteId + "/nurse-rota", """
						{"nurse":"%s","dayOfWeek":%d,"starts":"07:00","ends":"21:00","chairsWatched":2,
						 "validFrom":"%s"}""".formatted(name, day, LocalDate.now(clock.withZone(ZONE)).minusDays(7)))
					.required("putting a nurse on the rota");
			}
		}
		return siteId;
	}

	/**
	 * The clinician's afternoon consultation slots at the site today and tomorrow; one that overlaps a slot the
	 * clinician has elsewhere is left out. Returns how many were opened.
	 */
	private int consultationSlots(String site) {
		var room = admin.post("/api/scheduling/sites/" + site + "/rooms", """
				{"name":"Consulting room"}""").required("adding the consulting room").get("id").asString();
		var today = LocalDate.now(clock.withZone(ZONE));
		int opened = 0;
		for (var day : List.of(today, today.plusDays(1))) {
			for (var start : CONSULTATION_STARTS) {
				var from = day.atTime(start).atZone(ZONE).toInstant();
				var slot = admin.post("/api/scheduling/sites/" + site + "/consultation-slots", """
						{"clinician":"%s","roomId":"%s","start":"%s","end":"%s"}""".formatted(CLINICIAN, room, from,
						from.plus(Duration.ofMinutes(45))));
				if (slot.ok()) {
					opened++;
				}
				else if (slot.status() != 409) {
					slot.required("opening a consultation slot");
				}
			}
		}
		return opened;
	}

	/**
	 * Books the patient's consultation into the earliest free slot at the site, once scheduling has heard of the
	 * patient's registration and referral; returns when, in words, or null when no slot is free.
	 */
	private String bookConsultation(String patient, String site) {
		var booked = awaitAnswer(() -> {
			var free = frontDesk.get("/api/scheduling/slots?kind=CONSULTATION&limit=1&patientId=" + patient + "&siteId="
					+ site).required("finding a consultation slot");
			if (free.isEmpty()) {
				return new GatewaySession.Answer(404, null, "no free consultation slot");
			}
			var answer = frontDesk.post("/api/scheduling/consultations", """
					{"patientId":"%s","slotId":"%s"}""".formatted(patient, free.get(0).get("consultationSlotId").asString()));
			return answer.status() == 409 && answer.body() != null && answer.body().has("reason")
					&& Set.of("PATIENT_UNKNOWN", "NOT_REFERRED").contains(answer.body().get("reason").asString()) ? null
							: answer;
		});
		if (booked.status() == 404) {
			return null;
		}
		var consultation = booked.required("booking a consultation");
		var start = Instant.parse(consultation.get("start").asString()).atZone(ZONE);
		return start.toLocalDate() + " " + start.toLocalTime();
	}

	private String register(String given, String family, String birthDate) {
		return frontDesk.post("/api/intake/patients", """
				{"givenName":"%s","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
				 "referral":{"referringClinician":"Dr. Aiken","reason":"Two failed antidepressant trials",
				             "indication":"TREATMENT_RESISTANT_DEPRESSION"}}""".formatted(given, family, birthDate))
			.required("registering " + given + " " + family)
			.get("id")
			.asString();
	}

	private String screen(String patient, String phq9, int systolic, int diastolic) {
		return clinician.post("/api/intake/patients/" + patient + "/screenings", """
				{"phq9":%s,"systolic":%d,"diastolic":%d,"heartRate":72,"weightKg":70,
				 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
				 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
				                         {"drug":"venlafaxine","adequate":true,"failed":true}]}"""
			.formatted(phq9, systolic, diastolic)).required("screening a patient").get("id").asString();
	}

	private void decide(String patient, String screening, String outcome) {
		var body = outcome.equals("CLEARED") ? """
				{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening)
				: """
						{"screeningId":"%s","outcome":"DECLINED","reason":"Blood pressure 172/106 at screening: uncontrolled hypertension, to be treated first"}"""
					.formatted(screening);
		clinician.post("/api/intake/patients/" + patient + "/eligibility-decisions", body).required("deciding");
	}

	/** Books the earliest whole course the planner proposes at the site; returns "date|appointmentId" of the first. */
	private String bookCourse(String patient, String site) {
		var course = await(() -> {
			for (var c : frontDesk.get("/api/scheduling/courses?status=TO_PLAN").required("reading courses")) {
				if (c.get("patientId").asString().equals(patient)) {
					return c;
				}
			}
			return null;
		});
		var courseId = course.get("id").asString();
		var proposal = frontDesk.post("/api/scheduling/courses/" + courseId + "/proposal", """
				{"siteId":"%s"}""".formatted(site));
		if (!proposal.ok()) {
			progress.accept("no course fits at " + SITE + " for a patient (" + proposal.status() + "); left to plan");
			return null;
		}
		var occurrences = new StringBuilder();
		for (var occurrence : proposal.body().get("occurrences")) {
			occurrences.append(occurrences.isEmpty() ? "" : ",")
				.append("{\"chairId\":\"%s\",\"start\":\"%s\"}".formatted(occurrence.get("chairId").asString(),
						occurrence.get("start").asString()));
		}
		frontDesk.post("/api/scheduling/courses/" + courseId + "/bookings", """
				{"occurrences":[%s]}""".formatted(occurrences)).required("booking a course");
		var first = frontDesk.get("/api/scheduling/courses/" + courseId).required("reading the course")
			.get("appointments")
			.get(0);
		var day = Instant.parse(first.get("start").asString()).atZone(ZONE).toLocalDate();
		return day + "|" + first.get("id").asString();
	}

	/** Today's first infusions: the first is dosed (infusing), the second checked in, the third left booked. */
	private int chartToday(List<String> firsts) {
		var today = LocalDate.now(clock.withZone(ZONE)).toString();
		int charted = 0;
		for (var first : firsts) {
			if (first == null || !first.startsWith(today + "|") || charted == 2) {
				continue;
			}
			var appointment = first.substring(first.indexOf('|') + 1);
			var opened = awaitAnswer(() -> {
				var answer = nurse.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(appointment));
				return notKnownYet(answer) ? null : answer;
			});
			if (!opened.ok()) {
				progress.accept("today's record did not open: " + opened.text().lines().findFirst().orElse(""));
				continue;
			}
			var record = "/api/session/records/" + opened.body().get("id").asString();
			nurse.post(record + "/check-in", """
					{"identityConfirmed":true,"escortConfirmed":true,"escortName":"A friend","fasting":true,
					 "phq9Items":[2,2,1,1,1,1,1,1,0]}""").required("checking in");
			nurse.post(record + "/vitals", """
					{"systolic":126,"diastolic":80,"heartRate":74,"spo2":98,"respiratoryRate":14}""")
				.required("taking pre-dose vitals");
			if (charted == 0) {
				nurse.post(record + "/dose", """
						{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"DEMO-LOT-1","preparedBy":"nurse"}""")
					.required("dosing");
			}
			charted++;
		}
		return charted;
	}

	/** The refusals that only say the session service has not yet heard of the booking or the decision. */
	private static final Set<String> NOT_HEARD_YET = Set.of("NOT_CLEARED", "COURSE_NOT_ACTIVE", "DAY_UNKNOWN");

	private static boolean notKnownYet(GatewaySession.Answer answer) {
		return answer.status() == 404 || (answer.status() == 409 && answer.body() != null
				&& answer.body().has("reason") && NOT_HEARD_YET.contains(answer.body().get("reason").asString()));
	}

	/** Waits for what another service learns from an event (a course, an appointment), at most a minute. */
	private static JsonNode await(Supplier<JsonNode> found) {
		return awaitAnswer(() -> {
			var value = found.get();
			return value == null ? null : new GatewaySession.Answer(200, value, "");
		}).body();
	}

	private static GatewaySession.Answer awaitAnswer(Supplier<GatewaySession.Answer> found) {
		var deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (Instant.now().isBefore(deadline)) {
			var answer = found.get();
			if (answer != null) {
				return answer;
			}
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException("the services did not pass on what the demo made within a minute");
	}
}
