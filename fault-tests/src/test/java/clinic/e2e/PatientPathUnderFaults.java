package clinic.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * One patient's path through the gateway, as staff take it, while parts of the suite may be down: the front desk
 * registers the patient with a referral, a clinician records the screening and clears them with a dose plan, scheduling
 * plans a course from the decision (an event), the front desk books the whole course at the fault ward from its
 * proposal, and the nurse sees the first infusion on her list (another event). A step whose answer was lost is sent
 * again, and the path tells an earlier attempt that went through from a refusal (a likely duplicate that is this very
 * patient, a course already booked), as staff would; a screening or a decision whose answer was lost is first looked
 * for on the patient and sent again only when it is not there (they have no idempotency key). What the path was told was accepted is what the invariants check.
 */
final class PatientPathUnderFaults {

	/** What a path was told was done: the ids the suite answered with; {@code failure} when it could not finish. */
	record Walked(int number, String familyName, String patientId, String courseId, List<String> appointmentIds,
			String failure, Duration took) {

		boolean finished() {
			return failure == null;
		}
	}

	private static final String[] GIVEN = { "Ada", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo",
			"Ines", "Jonas" };

	private final StaffAtWork frontDesk;

	private final StaffAtWork clinician;

	private final StaffAtWork nurse;

	private final String siteId;

	private final String run;

	private final Duration patience;

	PatientPathUnderFaults(StaffAtWork frontDesk, StaffAtWork clinician, StaffAtWork nurse, String siteId, String run,
			Duration patience) {
		this.frontDesk = frontDesk;
		this.clinician = clinician;
		this.nurse = nurse;
		this.siteId = siteId;
		this.run = run;
		this.patience = patience;
	}

	/** A family name no other path of any run shares: the run's letters and the path's. */
	static String familyName(String run, int number) {
		return "Fault" + run + letters(number);
	}

	static String letters(int number) {
		var letters = new StringBuilder();
		var n = number;
		do {
			letters.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return letters.reverse().toString();
	}

	/**
	 * The path's patient's birth date: an adult of 21 to 80 whatever the path's number, so that no path's patient is
	 * proposed for review as under age (a long run's later paths were, and their clearing without a reason refused).
	 */
	static LocalDate birthDate(int number) {
		return LocalDate.of(1946, 1, 1).plusDays(number * 7L % (59 * 365));
	}

	Walked walk(int number) {
		var started = Instant.now();
		var family = familyName(run, number);
		String patientId = null;
		String courseId = null;
		var appointments = new ArrayList<String>();
		try {
			patientId = register(GIVEN[number % GIVEN.length], family, birthDate(number));
			var screeningId = screen(patientId);
			clear(patientId, screeningId);
			courseId = courseToPlan(patientId);
			appointments.addAll(book(courseId));
			awaitOnTheNursesList(appointments.get(0));
			return new Walked(number, family, patientId, courseId, List.copyOf(appointments), null,
					Duration.between(started, Instant.now()));
		}
		catch (RuntimeException | AssertionError e) {
			return new Walked(number, family, patientId, courseId, List.copyOf(appointments), e.getMessage(),
					Duration.between(started, Instant.now()));
		}
	}

	private String register(String given, String family, LocalDate birthDate) {
		var body = """
				{"givenName":"%s","familyName":"%s","birthDate":"%s",
				 "referral":{"referringClinician":"Dr. Aiken","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
			.formatted(given, family, birthDate);
		var reply = frontDesk.call("registering " + family, u -> u.post("/api/intake/patients", body));
		if (reply.status() == 201) {
			return reply.json().get("id").asString();
		}
		if (reply.status() == 409 && reply.json().has("candidates")) {
			for (var candidate : reply.json().get("candidates")) {
				if (candidate.get("familyName").asString().equals(family)
						&& candidate.get("birthDate").asString().equals(birthDate.toString())) {
					return candidate.get("id").asString(); // an earlier attempt went through, its answer was lost
				}
			}
			var confirmed = frontDesk.call("registering " + family + " (not a duplicate)",
					u -> u.post("/api/intake/patients", body.replace("\"referral\"", "\"confirmedNotDuplicate\":true,\"referral\"")));
			return expect(confirmed, 201, "registering " + family).get("id").asString();
		}
		throw new AssertionError("registering " + family + ": " + ClinicUser.describe(reply));
	}

	private String screen(String patientId) {
		// no idempotency key: a screening whose answer was lost is looked for on the patient before it is sent again
		// (the path records one screening per patient, so one found there is this one)
		var sent = clinician.callOnce("screening " + patientId,
				u -> u.post("/api/intake/patients/" + patientId + "/screenings", """
						{"phq9":[2,2,2,2,2,1,1,1,0],"systolic":120,"diastolic":78,"heartRate":70,"weightKg":61,
						 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
						 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
						                         {"drug":"venlafaxine","adequate":true,"failed":true}]}"""),
				u -> u.get("/api/intake/patients/" + patientId), patient -> first(patient.get("screenings")));
		var screening = sent.earlier() != null ? sent.earlier() : expect(sent.reply(), 201, "screening " + patientId);
		return screening.get("id").asString();
	}

	private void clear(String patientId, String screeningId) {
		// likewise a decision: one signed decision per patient on this path, so one found there is this one
		var sent = clinician.callOnce("clearing " + patientId,
				u -> u.post("/api/intake/patients/" + patientId + "/eligibility-decisions", """
						{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}"""
					.formatted(screeningId)),
				u -> u.get("/api/intake/patients/" + patientId), patient -> first(patient.get("decisions")));
		if (sent.earlier() != null) {
			if (!"CLEARED".equals(sent.earlier().get("outcome").asString())) {
				throw new AssertionError("clearing " + patientId + ": the patient's decision is " + sent.earlier());
			}
			return;
		}
		var reply = sent.reply();
		if (reply.status() == 201) {
			return;
		}
		// refused as already decided: the earlier attempt went through if the patient now has a CLEARED decision
		var patient = expect(clinician.call("reading " + patientId, u -> u.get("/api/intake/patients/" + patientId)), 200,
				"reading " + patientId);
		for (var decision : patient.get("decisions")) {
			if ("CLEARED".equals(decision.get("outcome").asString())) {
				return;
			}
		}
		throw new AssertionError("clearing " + patientId + ": " + ClinicUser.describe(reply));
	}

	private static Optional<JsonNode> first(JsonNode list) {
		return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
	}

	private String courseToPlan(String patientId) {
		var course = new AtomicReference<String>();
		await().alias("a course for " + patientId + " in scheduling")
			.atMost(patience)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				var courses = frontDesk.call("looking for the course of " + patientId,
						u -> u.get("/api/scheduling/courses?patientId=" + patientId));
				for (var c : courses.status() == 200 ? courses.json() : ClinicUser.JSON.createArrayNode()) {
					course.set(c.get("id").asString());
				}
				return course.get() != null;
			});
		return course.get();
	}

	/** The proposal booked whole; another path that took one of its slots first means a new proposal. */
	private List<String> book(String courseId) {
		String lastRefusal = null;
		for (int attempt = 1; attempt <= 20; attempt++) {
			var proposal = expect(frontDesk.call("proposing " + courseId,
					u -> u.post("/api/scheduling/courses/" + courseId + "/proposal", """
							{"siteId":"%s"}""".formatted(siteId))), 200, "proposing " + courseId);
			var occurrences = new ArrayList<String>();
			for (var o : proposal.get("occurrences")) {
				occurrences.add("""
						{"chairId":"%s","start":"%s"}""".formatted(o.get("chairId").asString(), o.get("start").asString()));
			}
			var booked = frontDesk.call("booking " + courseId, u -> u.post(
					"/api/scheduling/courses/" + courseId + "/bookings",
					"{\"occurrences\":[" + String.join(",", occurrences) + "]}"));
			if (booked.status() == 201) {
				return appointmentsOf(booked.json());
			}
			if (booked.status() != 409) {
				throw new AssertionError("booking " + courseId + ": " + ClinicUser.describe(booked));
			}
			lastRefusal = ClinicUser.describe(booked);
			var course = expect(frontDesk.call("reading " + courseId, u -> u.get("/api/scheduling/courses/" + courseId)),
					200, "reading " + courseId);
			if (!course.get("appointments").isEmpty()) {
				return appointmentsOf(course); // an earlier attempt went through, its answer was lost
			}
		}
		throw new AssertionError("booking " + courseId + ": every proposal was refused (20 tries), the last with "
				+ lastRefusal);
	}

	private static List<String> appointmentsOf(JsonNode course) {
		var ids = new ArrayList<String>();
		for (var a : course.get("appointments")) {
			if (!"cancelled".equals(a.get("status").asString())) {
				ids.add(a.get("id").asString());
			}
		}
		return ids;
	}

	private void awaitOnTheNursesList(String appointmentId) {
		await().alias("appointment " + appointmentId + " in session")
			.atMost(patience)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> nurse.call("reading appointment " + appointmentId,
					u -> u.get("/api/session/appointments/" + appointmentId)).status() == 200);
	}

	private static JsonNode expect(ClinicUser.Reply reply, int status, String what) {
		if (reply.status() != status) {
			throw new AssertionError(what + ": " + ClinicUser.describe(reply));
		}
		return reply.json();
	}
}
