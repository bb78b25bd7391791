package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.discharge.DischargeSettings;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;
import clinic.session.dosing.DosingSettings;
import clinic.session.monitoring.MonitoringSettings;
import clinic.session.path.PathSettings;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.AdverseEventSettings;
import tools.jackson.databind.JsonNode;

/** The session API as a nurse uses it during an infusion, on real PostgreSQL and Kafka. */
class SessionApiTest extends SessionIntegrationTest {

	private static final String CALM_VITALS = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	static RequestPostProcessor nurse() {
		return as("nina", "nurse");
	}

	record Booked(UUID patientId, UUID appointmentId) {
	}

	/** A cleared patient with an infusion booked, made known as the event handlers would. */
	Booked bookedAndCleared() {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		return new Booked(patient, book(patient));
	}

	/** The patient's first infusion an hour from now, today. */
	UUID book(UUID patient) {
		return booked(Course.of(patient), 1, clock.instant().plus(Duration.ofHours(1)));
	}

	ResultActions open(UUID appointmentId) throws Exception {
		return mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointmentId)));
	}

	UUID openedRecord(UUID appointmentId) throws Exception {
		var body = open(appointmentId).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	ResultActions vitals(UUID recordId, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/vitals", recordId).with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions step(UUID recordId, String step, RequestPostProcessor user, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/" + step, recordId).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** The nurse's sign-off, with the body the first version of the API took (doseMg and phq9Total now ignored). */
	ResultActions complete(UUID recordId) throws Exception {
		return step(recordId, "completion", nurse(), """
				{"notes":"Mild dissociation, resolved in recovery"}""");
	}

	ResultActions clinicianSignOff(UUID recordId) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/clinician-sign-off", recordId).with(as("dr.house", "clinician")));
	}

	/**
	 * The steps from check-in to the discharge checklist with the request bodies the end-to-end test and the nurse's
	 * page send: check-in with PHQ-9, calm pre-dose vitals, 0.5 mg/kg x 68.5 kg = 34.25 mg IV over 40 min, a reading
	 * during the infusion, its end, an hour's observation, the checklist.
	 */
	void chartedUpToSignOff(UUID record) throws Exception {
		step(record, "check-in", nurse(), """
				{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo Hopper","fasting":true,
				 "medicationChanges":null,"phq9Items":[1,1,1,1,2,2,2,1,0]}""").andExpect(status().isOk());
		vitals(record, CALM_VITALS).andExpect(status().isCreated()).andExpect(jsonPath("$.phase").value("PRE_DOSE"));
		step(record, "dose", nurse(), """
				{"weightKg":68.5,"doseMg":34.25,"infusionRateMgPerHour":51.38,"drugLot":"KET-2026-001",
				 "preparedBy":"olga"}""").andExpect(status().isOk());
		vitals(record, CALM_VITALS).andExpect(status().isCreated()).andExpect(jsonPath("$.phase").value("INFUSION"));
		clock.advance(Duration.ofMinutes(40)); // 34.25 mg at 51.38 mg/h
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse())).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(60)); // the observation after an IV infusion
		step(record, "discharge-checklist", nurse(), """
				{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":true,"escortPresent":true,
				 "instructionsGiven":true}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.openDischargeCriteria", hasSize(0)));
	}

	@Test
	void givenACleanSessionWhenChartedAndSignedByNurseAndClinicianThenExactlyOneSchemaValidSessionCompletedEvent()
			throws Exception {
		var booked = bookedAndCleared();

		var opened = open(booked.appointmentId()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.appointmentId").value(booked.appointmentId().toString()))
			.andExpect(jsonPath("$.patientId").value(booked.patientId().toString()))
			.andExpect(jsonPath("$.patientName").value("Ada Lovelace"))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.dosePlan.route").value("IV"))
			.andExpect(jsonPath("$.dosePlan.mgPerKg").value(0.5))
			.andExpect(jsonPath("$.vitals", hasSize(0)))
			.andExpect(jsonPath("$.openedBy").value("nina"))
			.andExpect(jsonPath("$.openedAt").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var record = UUID.fromString(json.readTree(opened).get("id").asString());

		vitals(record, CALM_VITALS).andExpect(status().isCreated())
			.andExpect(jsonPath("$.takenAt").isNotEmpty())
			.andExpect(jsonPath("$.systolic").value(128))
			.andExpect(jsonPath("$.respiratoryRate").value(14))
			.andExpect(jsonPath("$.breaches", hasSize(0)));
		vitals(record, """
				{"systolic":186,"diastolic":104,"heartRate":118,"spo2":90,"respiratoryRate":16}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.breaches[*].vital", hasSize(2)))
			.andExpect(jsonPath("$.breaches[0].vital").value("SYSTOLIC"))
			.andExpect(jsonPath("$.breaches[0].limit").value(180))
			.andExpect(jsonPath("$.breaches[1].vital").value("SPO2"));

		// the breach raised an alert: answered, or the discharge stays open
		var alert = json.readTree(mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("alerts").get(0);
		assertThat(alert.get("response").isNull()).isTrue();
		step(record, "alerts/" + alert.get("id").asString() + "/action", nurse(), """
				{"action":"CONTINUE","reason":"Rechecked manually: 150/90, patient comfortable"}""")
			.andExpect(status().isOk());
		chartedUpToSignOff(record);

		complete(record).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.nurseSignature.signedBy").value("nina"));
		assertThat(EventProbe.records("clinic.session",
				EventProbe.ofType("clinic.session.session-completed.v1", booked.patientId()))).isEmpty();
		clinicianSignOff(record).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.completedBy").value("dr.house"))
			.andExpect(jsonPath("$.completedAt").isNotEmpty())
			.andExpect(jsonPath("$.doseMg").value(34.25))
			.andExpect(jsonPath("$.phq9Total").value(11))
			.andExpect(jsonPath("$.notes").value("Mild dissociation, resolved in recovery"))
			.andExpect(jsonPath("$.vitals", hasSize(4)));

		mvc.perform(get("/api/session/records/{id}", record).with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.vitals[1].breaches[0].vital").value("SYSTOLIC"))
			.andExpect(jsonPath("$.vitals[1].takenBy").value("nina"));

		await().atMost(PATIENCE).until(() -> incompletePublications() == 0);
		outboxSettled(); // a resubmission round has run since: it must not have sent again
		var type = "clinic.session.session-completed.v1";
		var events = EventProbe.records("clinic.session", EventProbe.ofType(type, booked.patientId()));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(type, events.get(0).value())).isEmpty();
		var data = json.readTree(events.get(0).value());
		assertThat(data.get("sessionId").asString()).isEqualTo(record.toString());
		assertThat(data.get("appointmentId").asString()).isEqualTo(booked.appointmentId().toString());
		assertThat(data.get("completedBy").asString()).isEqualTo("dr.house");
		assertThat(data.get("nurseSignedBy").asString()).isEqualTo("nina");
		assertThat(data.get("clinicianSignedBy").asString()).isEqualTo("dr.house");
		assertThat(data.get("route").asString()).isEqualTo("IV");
		assertThat(data.get("doseMg").decimalValue()).isEqualByComparingTo("34.25");
		assertThat(data.get("weightKg").decimalValue()).isEqualByComparingTo("68.5");
		assertThat(data.get("phq9Total").asInt()).isEqualTo(11);
		// open, 2 readings, alert action, check-in, 2 readings, dose, infusion end, checklist, 2 signatures
		assertThat(data.get("aggregateVersion").asLong()).isEqualTo(12);

		var started = EventProbe.records("clinic.session",
				EventProbe.ofType("clinic.session.session-started.v1", booked.patientId()));
		assertThat(started).hasSize(1);
		assertThat(EventSchemas.violations("clinic.session.session-started.v1", started.get(0).value())).isEmpty();
	}

	@Test
	void givenARecordIsReadThenTheAuditLogNamesTheReaderAndThePatient() throws Exception {
		var booked = bookedAndCleared();
		var record = openedRecord(booked.appointmentId());
		mvc.perform(get("/api/session/records/{id}", record).with(as("carl", "clinician"))).andExpect(status().isOk());
		var entries = jdbc.sql("select actor from audit_log where patient_id = :p and action like 'GET %'")
			.param("p", booked.patientId())
			.query(String.class)
			.list();
		assertThat(entries).containsExactly("carl");
	}

	@Test
	void givenNothingChartedWhenSignedThenConflictNamingTheOpenCriteriaAndTheRecordStaysOpen() throws Exception {
		var record = openedRecord(bookedAndCleared().appointmentId());
		vitals(record, CALM_VITALS).andExpect(status().isCreated());
		complete(record).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("not checked in")))
			.andExpect(jsonPath("$.detail", containsString("No dose is recorded")));
		clinicianSignOff(record).andExpect(status().isConflict());
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.nurseSignature").value(nullValue()))
			.andExpect(jsonPath("$.completedAt").value(nullValue()))
			.andExpect(jsonPath("$.openDischargeCriteria[*].criterion", hasItem("DOSE_GIVEN")));
	}

	@Test
	void givenACompletedRecordWhenVitalsOrASecondSignatureArriveThenConflict() throws Exception {
		var record = openedRecord(bookedAndCleared().appointmentId());
		chartedUpToSignOff(record);
		complete(record).andExpect(status().isOk());
		clinicianSignOff(record).andExpect(status().isOk());

		vitals(record, CALM_VITALS).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("addendum")));
		complete(record).andExpect(status().isConflict());
		clinicianSignOff(record).andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from vitals_reading where session_id = :id")
			.param("id", record)
			.query(Long.class)
			.single()).isEqualTo(2L);
	}

	@Test
	void givenImpossibleVitalsThenTheFieldIsNamedAndNothingIsStored() throws Exception {
		var record = openedRecord(bookedAndCleared().appointmentId());
		vitals(record, """
				{"systolic":128,"diastolic":82,"heartRate":76,"spo2":101,"respiratoryRate":14}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("spo2"));
		vitals(record, """
				{"systolic":128,"diastolic":82,"heartRate":-5,"respiratoryRate":14}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("heartRate")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("spo2")));
		vitals(record, """
				{"systolic":80,"diastolic":95,"heartRate":76,"spo2":97,"respiratoryRate":14}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("diastolic"));
		vitals(record, """
				{"systolic":"high","diastolic":95,"heartRate":76,"spo2":97,"respiratoryRate":14}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("systolic"));
		assertThat(jdbc.sql("select count(*) from vitals_reading where session_id = :id")
			.param("id", record)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenAnImpossibleCompletionThenTheFieldIsNamed() throws Exception {
		var record = openedRecord(bookedAndCleared().appointmentId());
		step(record, "completion", nurse(), "{\"notes\":\"%s\"}".formatted("x".repeat(4001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("notes")));
	}

	@Test
	void givenAnUnknownAnAlreadyOpenOrAnUnclearedAppointmentWhenOpenedThenRefused() throws Exception {
		open(UUID.randomUUID()).andExpect(status().isNotFound());

		var booked = bookedAndCleared();
		openedRecord(booked.appointmentId());
		open(booked.appointmentId()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already has a session record")));

		var notCleared = book(UUID.randomUUID());
		open(notCleared).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_CLEARED"))
			.andExpect(jsonPath("$.detail", containsString("No signed eligibility decision")));

		var declinedLater = bookedAndCleared();
		dosePlans.decided(new DosePlanService.Decision(declinedLater.patientId(), "Ada Lovelace", UUID.randomUUID(),
				false, null, "dr.house", clock.instant(), 5));
		open(declinedLater.appointmentId()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_CLEARED"))
			.andExpect(jsonPath("$.detail", containsString("no dose plan")));
		mvc.perform(get("/api/session/records/{id}", UUID.randomUUID()).with(nurse()))
			.andExpect(status().isNotFound());
	}

	@Test
	void givenEventsOnKafkaThenTheNurseSeesTheAppointmentSoonestFirstAndItsRecordOnceOpened() throws Exception {
		var patient = UUID.randomUUID();
		var later = UUID.randomUUID();
		var sooner = UUID.randomUUID();
		var site = UUID.randomUUID();
		var start = MONDAY_MORNING.plus(Duration.ofHours(1));
		EventProbe.send("clinic.intake", patient, EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.intake.eligibility-decided.v1", patient, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"2026-11-20T10:00:00Z",
						 "decisionId":"%s","screeningId":"%s","outcome":"CLEARED","decidedBy":"dr.house",
						 "patientName":"Ada Lovelace",
						 "dosePlan":{"route":"IM","mgPerKg":0.75,"minMgPerKg":0.1,"maxMgPerKg":1.0}}"""
					.formatted(UUID.randomUUID(), patient, UUID.randomUUID(), UUID.randomUUID())));
		sendBooked(patient, site, later, 2, "Chair 2", start.plus(Duration.ofHours(4)));
		sendBooked(patient, site, sooner, 1, "Chair 1", start);
		// an older version of the later appointment arrives late: it must not overwrite the newer one
		sendBooked(patient, site, later, 1, "Chair 9", start.plus(Duration.ofHours(2)));
		EventProbe.awaitConsumed(consumerGroup(), "clinic.scheduling", PATIENCE);
		await().atMost(PATIENCE).until(() -> dosePlans.current(patient).isPresent());

		var list = json.readTree(mvc.perform(get("/api/session/appointments").param("site", site.toString())
			.with(nurse()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("appointments");
		var mine = new ArrayList<JsonNode>();
		list.forEach(entry -> {
			if (patient.toString().equals(entry.get("patientId").asString())) {
				mine.add(entry);
			}
		});
		assertThat(mine).extracting(entry -> entry.get("appointmentId").asString())
			.containsExactly(sooner.toString(), later.toString());
		assertThat(mine.get(1).get("chairName").asString()).isEqualTo("Chair 2");
		assertThat(mine.get(0).get("patientName").asString()).isEqualTo("Ada Lovelace");
		assertThat(Instant.parse(mine.get(0).get("start").asString())).isEqualTo(start);
		assertThat(mine.get(0).get("recordId").isNull()).isTrue();

		var record = UUID.fromString(json.readTree(open(sooner).andExpect(status().isCreated())
			.andExpect(jsonPath("$.dosePlan.route").value("IM"))
			.andExpect(jsonPath("$.dosePlan.mgPerKg").value(0.75))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString());
		mvc.perform(get("/api/session/appointments").param("site", site.toString()).with(as("admin", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.appointments[?(@.appointmentId == '%s')].recordId".formatted(sooner))
				.value(record.toString()));
	}

	void sendBooked(UUID patient, UUID site, UUID appointment, long version, String chair, Instant start) {
		EventProbe.send("clinic.scheduling", patient, EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.scheduling.appointment-booked.v1", patient, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2026-11-20T10:00:00Z",
						 "appointmentId":"%s","courseId":"%s","siteId":"%s","timeZone":"Europe/Zurich",
						 "chairId":"%s","chairName":"%s","kind":"INFUSION","sequence":1,"start":"%s","end":"%s"}"""
					.formatted(UUID.randomUUID(), patient, version, appointment, UUID.randomUUID(), site,
							UUID.randomUUID(), chair, start, start.plus(Duration.ofMinutes(110)))));
	}

	@Test
	void givenNoTokenThen401AndGivenTheWrongRoleThen403() throws Exception {
		mvc.perform(get("/api/session/appointments")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/session/records").contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(UUID.randomUUID()))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/session/appointments").with(as("frank", "front-desk"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/session/records").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(UUID.randomUUID()))).andExpect(status().isForbidden());
		var record = openedRecord(bookedAndCleared().appointmentId());
		mvc.perform(get("/api/session/records/{id}", record).with(as("frank", "front-desk")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/session/records/{id}/vitals", record).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CALM_VITALS)).andExpect(status().isForbidden());
	}

	@Test
	void givenNoTokenThenTheApiDocumentationIsStillServed() throws Exception {
		mvc.perform(get("/api/session/openapi"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/session/records/{id}/vitals']").exists())
			.andExpect(jsonPath("$.paths['/api/session/appointments']").exists());
	}

	@Test
	void givenTheShippedSettingsThenTheMonitoringThresholdsAreTheDomainDefaults(
			@Autowired MonitoringSettings settings) {
		assertThat(settings).isEqualTo(new MonitoringSettings(180, 110, 120, 92, Duration.ofMinutes(10),
				Duration.ofMinutes(15)));
	}

	@Test
	void givenTheShippedSettingsThenDosingAndDischargeUseTheDomainDefaults(@Autowired DosingSettings dosing,
			@Autowired DischargeSettings discharge, @Autowired PathSettings path,
			@Autowired AdverseEventSettings adverseEvents) {
		// the mg/kg range travels with the plan: intake's settings own it (0.1-1.0 there)
		assertThat(dosing.ivInfusion().shortest()).isEqualTo(Duration.ofMinutes(35));
		assertThat(dosing.ivInfusion().longest()).isEqualTo(Duration.ofMinutes(60));
		assertThat(discharge.postInfusionObservation()).isEqualTo(Duration.ofMinutes(60));
		assertThat(path.recordOpensBeforeStart()).isEqualTo(Duration.ofHours(2));
		assertThat(path.minimumDoseInterval()).isEqualTo(Duration.ofHours(24));
		assertThat(adverseEvents.pauseCourseOn()).containsExactly(AdverseEventGrade.SERIOUS);
		assertThat(dosing.preDoseSystolicAbove()).isEqualTo(140);
		assertThat(dosing.preDoseDiastolicAbove()).isEqualTo(90);
		assertThat(discharge.minimumObservation(Route.INTRANASAL)).isEqualTo(Duration.ofHours(2));
		assertThat(discharge.minimumObservation(Route.IV)).isZero();
	}
}
