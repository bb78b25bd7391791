package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/** Steps of the patient's path through the gateway's API, as the pages take them, for tests that need a patient there. */
final class ClinicSteps {

	static final Duration EVENTUAL = Duration.ofSeconds(60);

	private ClinicSteps() {
	}

	/** A registered, screened and cleared patient (0.5 mg/kg IV); returns the patient's id and decision. */
	record Cleared(String patientId, String screeningId, String decisionId) {
	}

	static Cleared clearedPatient(ClinicUser frontDesk, ClinicUser clinician, String given, String family,
			String birthDate) {
		var registered = frontDesk.post("/api/intake/patients", """
				{"givenName":"%s","familyName":"%s","birthDate":"%s",
				 "referral":{"referringClinician":"Dr. Aiken","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
			.formatted(given, family, birthDate));
		assertThat(registered.status()).as(ClinicUser.describe(registered)).isEqualTo(201);
		var patientId = registered.json().get("id").asString();
		var screening = clinician.post("/api/intake/patients/" + patientId + "/screenings", """
				{"phq9":[2,2,2,2,2,1,1,1,0],"systolic":120,"diastolic":78,"heartRate":70,"weightKg":61,
				 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
				 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
				                         {"drug":"venlafaxine","adequate":true,"failed":true}]}""");
		assertThat(screening.status()).as(ClinicUser.describe(screening)).isEqualTo(201);
		var screeningId = screening.json().get("id").asString();
		var cleared = clinician.post("/api/intake/patients/" + patientId + "/eligibility-decisions", """
				{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screeningId));
		assertThat(cleared.status()).as(ClinicUser.describe(cleared)).isEqualTo(201);
		return new Cleared(patientId, screeningId, cleared.json().get("id").asString());
	}

	/** A registered patient with a referral, waiting for their consultation; returns the patient's id. */
	static String referredPatient(ClinicUser frontDesk, String given, String family, String birthDate) {
		var registered = frontDesk.post("/api/intake/patients", """
				{"givenName":"%s","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
				 "referral":{"referringClinician":"Dr. Aiken","reason":"Two failed antidepressant trials",
				             "indication":"TREATMENT_RESISTANT_DEPRESSION"}}""".formatted(given, family, birthDate));
		assertThat(registered.status()).as(ClinicUser.describe(registered)).isEqualTo(201);
		return registered.json().get("id").asString();
	}

	/**
	 * Waits until scheduling has heard of the patient's registration and referral from intake: a booking into no slot
	 * is then refused for the slot (400 naming slotId), no longer for the patient (409 PATIENT_UNKNOWN or NOT_REFERRED,
	 * which scheduling checks first). Books nothing either way.
	 */
	static void awaitKnownToScheduling(ClinicUser frontDesk, String patientId) {
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(() -> frontDesk
			.post("/api/scheduling/consultations", """
					{"patientId":"%s","slotId":"%s"}""".formatted(patientId, java.util.UUID.randomUUID()))
			.status() == 400);
	}

	/** The patient as intake shows them, once their first referral is in the state (RECEIVED, CONSULTATION_BOOKED…). */
	static JsonNode awaitReferral(ClinicUser user, String patientId, String state) {
		var seen = new AtomicReference<JsonNode>();
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(() -> {
			var patient = user.get("/api/intake/patients/" + patientId);
			seen.set(patient.status() == 200 ? patient.json() : null);
			return seen.get() != null && state.equals(seen.get().get("referrals").get(0).get("state").asString());
		});
		return seen.get();
	}

	/** A site of the test's own (Zurich time, the clinic-wide hours) with one room; returns its id and the room's. */
	record OwnSite(String siteId, String roomId, String name) {
	}

	static OwnSite ownSite(ClinicUser admin, String name) {
		return ownSite(admin, name, "Consulting room");
	}

	static OwnSite ownSite(ClinicUser admin, String name, String roomName) {
		var siteId = created(admin, "/api/scheduling/sites", """
				{"name":"%s","timeZone":"Europe/Zurich"}""".formatted(name));
		return new OwnSite(siteId, room(admin, siteId, roomName), name);
	}

	/** Another room at the site; returns its id. */
	static String room(ClinicUser admin, String siteId, String name) {
		return created(admin, "/api/scheduling/sites/" + siteId + "/rooms", """
				{"name":"%s"}""".formatted(name));
	}

	/** Recliner chairs in the room, by name; returns their ids in that order. */
	static List<String> chairs(ClinicUser admin, String roomId, String... names) {
		var chairs = new ArrayList<String>();
		for (var chair : names) {
			chairs.add(created(admin, "/api/scheduling/rooms/" + roomId + "/chairs", """
					{"name":"%s","attributes":["recliner"]}""".formatted(chair)));
		}
		return List.copyOf(chairs);
	}

	/** The nurse on the site's rota every weekday (Monday to Friday) 08:00–18:00, watching that many chairs. */
	static void nurseOnWeekdays(ClinicUser admin, String siteId, String nurse, int chairsWatched) {
		for (int day = 1; day <= 5; day++) {
			created(admin, "/api/scheduling/sites/" + siteId + "/nurse-rota", """
					{"nurse":"%s","dayOfWeek":%d,"starts":"08:00","ends":"18:00","chairsWatched":%d,
					 "validFrom":"2020-01-01"}""".formatted(nurse, day, chairsWatched));
		}
	}

	/** The site's own opening hours: every weekday (Monday to Friday) from {@code opens} to {@code closes}. */
	static void openOnWeekdays(ClinicUser admin, String siteId, LocalTime opens, LocalTime closes) {
		var path = "/api/scheduling/sites/" + siteId + "/hours";
		var version = admin.get(path).json().get("version").asLong();
		var days = new ArrayList<String>();
		for (int day = 1; day <= 5; day++) {
			days.add("""
					{"dayOfWeek":%d,"opens":"%s","closes":"%s"}""".formatted(day, opens, closes));
		}
		var hours = admin.put(path, """
				{"days":[%s],"version":%d}""".formatted(String.join(",", days), version));
		assertThat(hours.status()).as(ClinicUser.describe(hours)).isEqualTo(200);
	}

	/** Posts what must be created; returns the new thing's id. */
	static String created(ClinicUser user, String path, String body) {
		var reply = user.post(path, body);
		assertThat(reply.status()).as(ClinicUser.describe(reply)).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	/** A clinician's consultation slot at the site, in its room; returns the slot's id. */
	static String consultationSlot(ClinicUser admin, OwnSite site, String clinician, Instant start, Duration length) {
		var slot = admin.post("/api/scheduling/sites/" + site.siteId() + "/consultation-slots", """
				{"clinician":"%s","roomId":"%s","start":"%s","end":"%s"}""".formatted(clinician, site.roomId(), start,
				start.plus(length)));
		assertThat(slot.status()).as(ClinicUser.describe(slot)).isEqualTo(201);
		return slot.json().get("id").asString();
	}

	/** The course scheduling planned for the cleared patient, once its event arrived. */
	static JsonNode courseOf(ClinicUser frontDesk, String patientId) {
		var course = new AtomicReference<JsonNode>();
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(() -> {
			var courses = frontDesk.get("/api/scheduling/courses?status=TO_PLAN");
			for (var c : courses.status() == 200 ? courses.json() : ClinicUser.JSON.createArrayNode()) {
				if (c.get("patientId").asString().equals(patientId)) {
					course.set(c);
				}
			}
			return course.get() != null;
		});
		return course.get();
	}

	/** The site every new clinic has (scheduling's first migration): Zurich, four chairs. */
	static final String MAIN_CLINIC = "517e0000-0000-4000-8000-000000000001";

	/**
	 * The main clinic's chair at that position, by name: never a chair of the sites other test classes add (the list
	 * of every site's chairs changes with them).
	 */
	static String mainClinicChair(ClinicUser user, int position) {
		var chairs = user.get("/api/scheduling/chairs?siteId=" + MAIN_CLINIC);
		assertThat(chairs.status()).as(ClinicUser.describe(chairs)).isEqualTo(200);
		return chairs.json().get(position).get("id").asString();
	}

	/** Books the course's next infusion in the seeded site's chair number {@code chair} (0-based) at a time today. */
	static String bookToday(ClinicUser frontDesk, String courseId, int chair, LocalTime at) {
		var chairId = mainClinicChair(frontDesk, chair);
		var booked = frontDesk.post("/api/scheduling/courses/" + courseId + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, clinicTodayAt(at)));
		assertThat(booked.status()).as(ClinicUser.describe(booked)).isEqualTo(201);
		return booked.json().get("id").asString();
	}

	/** Today on the suite's clock, at a Zurich wall-clock time, as an ISO instant. */
	static String clinicTodayAt(LocalTime time) {
		return LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE)
			.atTime(time)
			.atZone(RunningSuite.CLINIC_ZONE)
			.toInstant()
			.toString();
	}
}
