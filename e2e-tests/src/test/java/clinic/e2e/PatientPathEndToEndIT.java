package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import clinic.launcher.Part;
import clinic.launcher.Stack;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite started the way {@code ./clinic up} starts it (real PostgreSQL, Kafka, Keycloak, the four
 * services as separate processes), driven through the gateway by people logged in with a real
 * authorization-code flow: the thin patient path from referral to one completed infusion, and the security
 * rules at the gateway and at the services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.class)
class PatientPathEndToEndIT {

	private static final Duration EVENTUAL = Duration.ofSeconds(60);

	private static final ZoneId CLINIC_ZONE = RunningSuite.CLINIC_ZONE;

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	@Test
	@Order(1)
	void withoutASessionTheApiAnswers401AndPagesRedirectToTheLogin() {
		var anonymous = new ClinicUser(stack.gatewayUrl());
		assertThat(anonymous.get("/api/intake/patients").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/me").status()).isEqualTo(401);
		var page = anonymous.getPage("/patients.html");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/oauth2/authorization/keycloak");
	}

	@Test
	@Order(2)
	void theLoginIsAnAuthorizationCodeFlowWithPkceAndTheSessionKnowsTheRoles() {
		var nurse = new ClinicUser(stack.gatewayUrl());
		var authorizationRequest = nurse.login("nurse", "demo");
		assertThat(authorizationRequest).startsWith(stack.issuerUri() + "/protocol/openid-connect/auth")
			.contains("response_type=code")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
		assertThat(nurse.hasCookie("SESSION")).isTrue();
		var me = nurse.get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("nurse");
		assertThat(me.json().get("roles").toString()).contains("nurse");
	}

	@Test
	@Order(3)
	void thePatientPathGivesAnInfusionOnItsDayAndASeriousAdverseEventHoldsTheNextUntilAClinicianResumes() {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		var nurse = new ClinicUser(stack.gatewayUrl());
		nurse.login("nurse", "demo");

		// front desk registers the patient with a referral (intake)
		var registered = frontDesk.post("/api/intake/patients", """
				{"givenName":"Grace","familyName":"Hopper","birthDate":"1980-12-09","phone":"+41 44 555 12 12",
				 "referral":{"referringClinician":"Dr. Aiken","reason":"Three failed antidepressant trials",
				             "indication":"TREATMENT_RESISTANT_DEPRESSION"}}""");
		assertThat(registered.status()).as(ClinicUser.describe(registered)).isEqualTo(201);
		var patientId = registered.json().get("id").asString();

		// a clinician records the screening and clears the patient (intake → event)
		var screening = clinician.post("/api/intake/patients/" + patientId + "/screenings", """
				{"phq9":[2,2,2,2,2,1,1,1,0],"systolic":124,"diastolic":79,"heartRate":70,"weightKg":68.5,
				 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
				 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
				                         {"drug":"venlafaxine","adequate":true,"failed":true}]}""");
		assertThat(screening.status()).as(ClinicUser.describe(screening)).isEqualTo(201);
		assertThat(screening.json().get("phq9Total").asInt()).isEqualTo(13);
		assertThat(screening.json().get("proposal").get("outcome").asString()).isEqualTo("CLEARED");
		var decision = clinician.post("/api/intake/patients/" + patientId + "/eligibility-decisions", """
				{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}"""
			.formatted(screening.json().get("id").asString()));
		assertThat(decision.status()).as(ClinicUser.describe(decision)).isEqualTo(201);

		// scheduling holds a course for the cleared patient; the front desk books the first infusion
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
		assertThat(course.get().get("patientName").asString()).isEqualTo("Grace Hopper");
		var chairId = ClinicSteps.mainClinicChair(frontDesk, 0);
		var courseId = course.get().get("id").asString();
		var courseAppointments = "/api/scheduling/courses/" + courseId + "/appointments";
		var start = clinicTodayAt(LocalTime.of(9, 0));
		var booked = frontDesk.post(courseAppointments, """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, start));
		assertThat(booked.status()).as(ClinicUser.describe(booked)).isEqualTo(201);
		var appointmentId = booked.json().get("id").asString();

		// the same chair at the same time is refused with a conflict that names it
		var doubleBooking = frontDesk.post(courseAppointments, """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, start));
		assertThat(doubleBooking.status()).as(ClinicUser.describe(doubleBooking)).isEqualTo(409);

		// the next two infusions, later in the course
		var second = frontDesk.post(courseAppointments, """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, weekdayAfter(start, 2)));
		assertThat(second.status()).as(ClinicUser.describe(second)).isEqualTo(201);
		var third = frontDesk.post(courseAppointments, """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, weekdayAfter(start, 7)));
		assertThat(third.status()).as(ClinicUser.describe(third)).isEqualTo(201);
		var secondId = second.json().get("id").asString();

		// the nurse's day lists today's infusion; a future appointment cannot be charted today
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(() -> {
			var today = nurse.get("/api/session/appointments");
			return today.status() == 200 && today.body().contains(appointmentId);
		});
		var today = nurse.get("/api/session/appointments").json().get("appointments");
		assertThat(today.toString()).doesNotContain(secondId);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> nurse.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(secondId))
				.status() == 409);
		var tooEarly = nurse.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(secondId));
		assertThat(tooEarly.json().get("reason").asString()).as(ClinicUser.describe(tooEarly)).isEqualTo("NOT_ITS_DAY");

		// the nurse opens today's record and charts the session: check-in, pre-dose vitals, the dose (0.5 mg/kg x
		// 68.5 kg = 34.25 mg IV over 40 min), a reading during the infusion
		var record = nurse.post("/api/session/records", """
				{"appointmentId":"%s"}""".formatted(appointmentId));
		assertThat(record.status()).as(ClinicUser.describe(record)).isEqualTo(201);
		assertThat(record.json().get("dosePlan").get("route").asString()).isEqualTo("IV");
		assertThat(record.json().get("dosePlan").get("maxMgPerKg").decimalValue()).isEqualByComparingTo("1.0");
		var recordId = record.json().get("id").asString();
		var recordPath = "/api/session/records/" + recordId;

		// once scheduling has heard that the record is open (arrived), the front desk can no longer cancel the
		// infusion: the patient is at the chair, and its chair time must not be offered to anyone else
		var appointmentPath = "/api/scheduling/appointments/" + appointmentId;
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> frontDesk.get(appointmentPath).json().get("status").asString().equals("arrived"));
		var cancelAtTheChair = frontDesk.post(appointmentPath + "/cancellation", """
				{"reason":"Patient wants to go home"}""");
		assertThat(cancelAtTheChair.status()).as(ClinicUser.describe(cancelAtTheChair)).isEqualTo(409);
		assertThat(cancelAtTheChair.json().get("detail").asString()).contains("session record");
		var checkIn = nurse.post(recordPath + "/check-in", """
				{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo Hopper","fasting":true,
				 "medicationChanges":null,"phq9Items":[1,1,1,1,1,1,1,2,0]}""");
		assertThat(checkIn.status()).as(ClinicUser.describe(checkIn)).isEqualTo(200);
		var preDose = nurse.post(recordPath + "/vitals", """
				{"systolic":128,"diastolic":82,"heartRate":74,"spo2":98,"respiratoryRate":14}""");
		assertThat(preDose.status()).as(ClinicUser.describe(preDose)).isEqualTo(201);
		var tooFast = nurse.post(recordPath + "/dose", """
				{"weightKg":68.5,"doseMg":34.25,"infusionRateMgPerHour":2000,"drugLot":"KET-2026-001",
				 "preparedBy":"nurse2"}""");
		assertThat(tooFast.status()).as(ClinicUser.describe(tooFast)).isEqualTo(400);
		var dose = nurse.post(recordPath + "/dose", """
				{"weightKg":68.5,"doseMg":34.25,"infusionRateMgPerHour":51.38,"drugLot":"KET-2026-001",
				 "preparedBy":"nurse2"}""");
		assertThat(dose.status()).as(ClinicUser.describe(dose)).isEqualTo(200);
		var vitals = nurse.post(recordPath + "/vitals", """
				{"systolic":132,"diastolic":84,"heartRate":78,"spo2":97,"respiratoryRate":14}""");
		assertThat(vitals.status()).as(ClinicUser.describe(vitals)).isEqualTo(201);

		// a serious adverse event during the infusion: the nurse stops it, with the reason
		var reported = nurse.post(recordPath + "/adverse-events", """
				{"grade":"SERIOUS","description":"Hypertensive crisis, 210/125 during the infusion"}""");
		assertThat(reported.status()).as(ClinicUser.describe(reported)).isEqualTo(201);
		var ended = nurse.post(recordPath + "/infusion-end", """
				{"reason":"Stopped for the hypertensive crisis"}""");
		assertThat(ended.status()).as(ClinicUser.describe(ended)).isEqualTo(200);
		var checklist = nurse.post(recordPath + "/discharge-checklist", """
				{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":true,"escortPresent":true,
				 "instructionsGiven":true}""");
		assertThat(checklist.status()).as(ClinicUser.describe(checklist)).isEqualTo(200);
		assertThat(checklist.json().get("openDischargeCriteria").size()).as(ClinicUser.describe(checklist)).isZero();
		var nurseSigned = nurse.post(recordPath + "/completion", """
				{"notes":"Infusion stopped after a hypertensive crisis; settled in recovery"}""");
		assertThat(nurseSigned.status()).as(ClinicUser.describe(nurseSigned)).isEqualTo(200);
		assertThat(nurseSigned.json().get("status").asString()).isEqualTo("IN_PROGRESS");
		var completed = clinician.post(recordPath + "/clinician-sign-off", "{}");
		assertThat(completed.status()).as(ClinicUser.describe(completed)).isEqualTo(200);
		assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.json().get("doseMg").decimalValue()).isEqualByComparingTo("34.25");

		// scheduling: the infusion given on its day is fulfilled after arrived and checked-in, the course counts it,
		// and the serious adverse event paused the course and held its future appointments
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> frontDesk.get("/api/scheduling/courses/" + courseId).json().get("completedInfusions").asInt() == 1);
		var paused = frontDesk.get("/api/scheduling/courses/" + courseId).json();
		assertThat(paused.get("status").asString()).as(paused.toString()).isEqualTo("PAUSED");
		assertThat(paused.get("pauseReason").asString()).isNotBlank();
		assertThat(paused.get("appointments").get(0).get("status").asString()).isEqualTo("fulfilled");
		assertThat(paused.get("appointments").get(2).get("onHold").asBoolean()).as(paused.toString()).isTrue();
		var history = frontDesk.get("/api/scheduling/appointments/" + appointmentId).json().get("history");
		var steps = new ArrayList<String>();
		history.forEach(change -> steps.add(change.get("to").asString()));
		assertThat(steps).as(history.toString()).containsExactly("booked", "arrived", "checked-in", "fulfilled");
		var refused = frontDesk.post(courseAppointments, """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, weekdayAfter(start, 9)));
		assertThat(refused.status()).as(ClinicUser.describe(refused)).isEqualTo(409);

		// the session service refuses the next infusion for the pause (not only because it is another day) ...
		var whilePaused = nurse.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(secondId));
		assertThat(whilePaused.status()).isEqualTo(409);
		assertThat(reasons(whilePaused)).as(ClinicUser.describe(whilePaused)).contains("COURSE_PAUSED", "NOT_ITS_DAY");

		// ... until a clinician resumes the course: scheduling's resumption names the adverse event, which lifts the
		// session service's own pause; what is left is that the infusion is not today
		var resumed = clinician.post("/api/scheduling/courses/" + courseId + "/resumption", """
				{"reason":"Reviewed: BP controlled, fit to continue at a slower rate"}""");
		assertThat(resumed.status()).as(ClinicUser.describe(resumed)).isEqualTo(200);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(() -> reasons(nurse.post(
				"/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(secondId))).equals(List.of("NOT_ITS_DAY")));
	}

	@Test
	@Order(4)
	void aDeclineThatSupersedesTheClearanceClosesTheCourseAndItsInfusionsCannotBeCharted() {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		var nurse = new ClinicUser(stack.gatewayUrl());
		nurse.login("nurse", "demo");

		var cleared = ClinicSteps.clearedPatient(frontDesk, clinician, "Katherine", "Johnson", "1978-08-26");
		var patientId = cleared.patientId();
		var screeningId = cleared.screeningId();
		var courseId = ClinicSteps.courseOf(frontDesk, patientId).get("id").asString();
		var chairId = ClinicSteps.mainClinicChair(frontDesk, 1);
		var start = clinicTodayAt(LocalTime.of(11, 0));
		var first = frontDesk.post("/api/scheduling/courses/" + courseId + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, start));
		assertThat(first.status()).as(ClinicUser.describe(first)).isEqualTo(201);
		var firstId = first.json().get("id").asString();
		var later = frontDesk.post("/api/scheduling/courses/" + courseId + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, weekdayAfter(start, 2)));
		assertThat(later.status()).as(ClinicUser.describe(later)).isEqualTo(201);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> nurse.get("/api/session/appointments").body().contains(firstId));

		// a pregnancy is reported: the clinician's decline supersedes the clearance
		var declined = clinician.post("/api/intake/patients/" + patientId + "/eligibility-decisions", """
				{"screeningId":"%s","outcome":"DECLINED","reason":"Pregnancy reported","supersedesDecisionId":"%s"}"""
			.formatted(screeningId, cleared.decisionId()));
		assertThat(declined.status()).as(ClinicUser.describe(declined)).isEqualTo(201);

		// scheduling closes the course and cancels its appointments with the reason ...
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> "CANCELLED".equals(frontDesk.get("/api/scheduling/courses/" + courseId).json().get("status").asString()));
		var closed = frontDesk.get("/api/scheduling/courses/" + courseId).json();
		closed.get("appointments").forEach(a -> assertThat(a.get("status").asString()).as(closed.toString())
			.isEqualTo("cancelled"));
		var reason = frontDesk.get("/api/scheduling/appointments/" + firstId).json().get("cancellationReason");
		assertThat(reason.asString()).contains("Pregnancy reported");
		var rebook = frontDesk.post("/api/scheduling/courses/" + courseId + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(chairId, weekdayAfter(start, 3)));
		assertThat(rebook.status()).as(ClinicUser.describe(rebook)).isEqualTo(409);

		// ... and today's infusion leaves the nurse's day and cannot be charted
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
			.until(() -> !nurse.get("/api/session/appointments").body().contains(firstId));
		var refused = nurse.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(firstId));
		assertThat(refused.status()).as(ClinicUser.describe(refused)).isEqualTo(409);
	}

	/** The reasons a 409 from the session service names, in order. */
	private static List<String> reasons(ClinicUser.Reply refusal) {
		var reasons = new ArrayList<String>();
		if (refusal.status() == 409 && refusal.json().has("reasons")) {
			refusal.json().get("reasons").forEach(r -> reasons.add(r.get("reason").asString()));
		}
		return reasons;
	}

	/** Today on the suite's clock, at a Zurich wall-clock time, as an ISO instant. */
	private static String clinicTodayAt(LocalTime time) {
		return LocalDate.ofInstant(RunningSuite.clinicNow(), CLINIC_ZONE).atTime(time).atZone(CLINIC_ZONE)
			.toInstant()
			.toString();
	}

	/** The weekday at least {@code days} days after {@code start} (an ISO instant), at the same wall-clock time. */
	private static String weekdayAfter(String start, int days) {
		var zone = ZoneId.of("Europe/Zurich");
		var at = Instant.parse(start).atZone(zone).plusDays(days);
		while (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
			at = at.plusDays(1);
		}
		return at.toInstant().toString();
	}

	@Test
	@Order(5)
	void aMutationWithoutTheCsrfTokenIsRefusedAndTheConnectionStaysUsable() {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		for (int attempt = 0; attempt < 5; attempt++) {
			var refused = frontDesk.postWithoutCsrf("/api/intake/patients", """
					{"givenName":"No","familyName":"Csrf","birthDate":"1990-01-01",
					 "referral":{"referringClinician":"Dr. X","indication":"ANXIETY"}}""");
			assertThat(refused.status()).isEqualTo(403);
			// the next request on the same kept-alive connection is answered
			assertThat(frontDesk.get("/api/intake/patients?q=Csrf").json().size()).isZero();
		}
	}

	@Test
	@Order(6)
	void aTokenWithTheWrongRoleIsRefusedWith403() {
		var nurse = new ClinicUser(stack.gatewayUrl());
		nurse.login("nurse", "demo");
		var refused = nurse.post("/api/intake/patients", """
				{"givenName":"Wrong","familyName":"Role","birthDate":"1990-01-01",
				 "referral":{"referringClinician":"Dr. X","indication":"ANXIETY"}}""");
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	@Order(7)
	void aServiceCalledDirectlyChecksTheTokenItself() throws Exception {
		var http = HttpClient.newHttpClient();
		for (var service : new Part[] { Part.INTAKE, Part.SCHEDULING, Part.SESSION }) {
			var path = switch (service) {
				case INTAKE -> "/api/intake/patients";
				case SCHEDULING -> "/api/scheduling/courses";
				default -> "/api/session/appointments";
			};
			var noToken = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(noToken.statusCode()).as(service + " without a token").isEqualTo(401);
			var forged = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path))
				.header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as(service + " with an invalid token").isEqualTo(401);
		}
		var integrationToken = clientCredentialsToken(http);
		var wrongRole = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(Part.SESSION) + "/api/session/appointments"))
			.header("Authorization", "Bearer " + integrationToken)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongRole.statusCode()).as("integration client reading session appointments").isEqualTo(403);
		var allowed = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(Part.INTAKE) + "/api/intake/patients"))
			.header("Authorization", "Bearer " + integrationToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"givenName":"From","familyName":"Another System","birthDate":"1975-05-05",
					 "referral":{"referringClinician":"Dr. Remote","indication":"PTSD"}}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(allowed.statusCode()).as("integration client registering a referral: " + allowed.body()).isEqualTo(201);
	}

	@Test
	@Order(8)
	void logoutEndsTheSessionAtTheGatewayAndAtKeycloak() {
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		assertThat(clinician.startLoginAtKeycloak().status()).as("while Keycloak's session lives, a new login "
				+ "goes straight back to the gateway").isEqualTo(302);

		var logout = clinician.logout();

		assertThat(logout.status()).isEqualTo(302);
		assertThat(logout.location()).as("home, with no token in the URL").isIn("/", stack.gatewayUrl() + "/");
		assertThat(clinician.get("/api/me").status()).isEqualTo(401);
		var again = clinician.startLoginAtKeycloak();
		assertThat(again.status()).as("Keycloak's session is ended: it asks for the password again").isEqualTo(200);
		assertThat(again.body()).contains("kc-form-login");
	}

	private String clientCredentialsToken(HttpClient http) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClinicUser.formBody("grant_type", "client_credentials",
					"client_id", "clinic-integration", "client_secret", "clinic-integration-demo-secret")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ClinicUser.JSON.readTree(response.body()).get("access_token").asString();
	}
}
