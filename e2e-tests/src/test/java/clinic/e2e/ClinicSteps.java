package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

	/** A site of the test's own (Zurich time, the clinic-wide hours) with one room; returns its id and the room's. */
	record OwnSite(String siteId, String roomId, String name) {
	}

	static OwnSite ownSite(ClinicUser admin, String name) {
		var site = admin.post("/api/scheduling/sites", """
				{"name":"%s","timeZone":"Europe/Zurich"}""".formatted(name));
		assertThat(site.status()).as(ClinicUser.describe(site)).isEqualTo(201);
		var siteId = site.json().get("id").asString();
		var room = admin.post("/api/scheduling/sites/" + siteId + "/rooms", """
				{"name":"Consulting room"}""");
		assertThat(room.status()).as(ClinicUser.describe(room)).isEqualTo(201);
		return new OwnSite(siteId, room.json().get("id").asString(), name);
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

	/** Books the course's next infusion in the seeded site's chair number {@code chair} (0-based) at a time today. */
	static String bookToday(ClinicUser frontDesk, String courseId, int chair, LocalTime at) {
		var chairId = frontDesk.get("/api/scheduling/chairs").json().get(chair).get("id").asString();
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
