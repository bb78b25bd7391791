package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;
import tools.jackson.databind.JsonNode;

/**
 * The chart from check-in to signed discharge through the API, on real PostgreSQL and Kafka, with a clock that
 * stands still until the test moves it (due and overdue readings, observation times).
 */
class SessionChartApiTest extends SessionIntegrationTest {

	private static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

	private static final String CALM = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	private static final String CHECK_IN = """
			{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo","fasting":true,
			 "medicationChanges":"Started melatonin","phq9Items":[2,2,2,1,1,1,1,1,1]}""";

	private static final String CHECKLIST = """
			{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":true,"escortPresent":true,
			 "instructionsGiven":true}""";

	@BeforeEach
	void startOfTheSession() {
		clock.set(START);
	}

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	static RequestPostProcessor clinician() {
		return Tokens.as("dr.house", "clinician");
	}

	/** A cleared patient with a booked infusion, and the nurse's record of it. */
	UUID openRecord(Route route, String mgPerKg) throws Exception {
		var patient = cleared(UUID.randomUUID(), route, mgPerKg);
		var appointment = booked(Course.of(patient), 1, START);
		var body = mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	ResultActions step(UUID record, String step, RequestPostProcessor user, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/" + step, record).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions vitals(UUID record, String body) throws Exception {
		return step(record, "vitals", nurse(), body);
	}

	ResultActions read(UUID record) throws Exception {
		return mvc.perform(get("/api/session/records/{id}", record).with(nurse())).andExpect(status().isOk());
	}

	JsonNode chart(UUID record) throws Exception {
		return json.readTree(read(record).andReturn().getResponse().getContentAsString());
	}

	ResultActions dose(UUID record, String body) throws Exception {
		return step(record, "dose", nurse(), body);
	}

	/** Checked in with calm pre-dose vitals and dosed 0.5 mg/kg x 70 kg = 35 mg at the current time. */
	void checkedInAndDosed(UUID record, Route route) throws Exception {
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		vitals(record, CALM).andExpect(status().isCreated());
		var rate = route == Route.IV ? ",\"infusionRateMgPerHour\":52.5" : "";
		dose(record, """
				{"weightKg":70,"drugLot":"KET-7","preparedBy":"olga"%s}""".formatted(rate)).andExpect(status().isOk())
			.andExpect(jsonPath("$.dosing.doseMg").value(35.0));
	}

	void readyToSign(UUID record) throws Exception {
		checkedInAndDosed(record, Route.IV);
		clock.advance(Duration.ofMinutes(10));
		vitals(record, CALM).andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(30));
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse())).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(60)); // the observation after an IV infusion
		step(record, "discharge-checklist", nurse(), CHECKLIST).andExpect(status().isOk());
	}

	void signed(UUID record) throws Exception {
		step(record, "completion", nurse(), "{\"notes\":\"Uneventful\"}").andExpect(status().isOk());
		step(record, "clinician-sign-off", clinician(), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
	}

	long count(String table, UUID record) {
		return jdbc.sql("select count(*) from " + table + " where session_id = :id")
			.param("id", record)
			.query(Long.class)
			.single();
	}

	@Test
	void givenAFixedClockThenTheChartShowsEachReadingUpcomingDueOverdueOrTakenAsTimePasses() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		checkedInAndDosed(record, Route.IV);
		var dosed = START;

		clock.advance(Duration.ofMinutes(3));
		read(record).andExpect(jsonPath("$.phase").value("INFUSION"))
			.andExpect(jsonPath("$.readings", hasSize(1)))
			.andExpect(jsonPath("$.readings[0].dueAt").value(dosed.plus(Duration.ofMinutes(10)).toString()))
			.andExpect(jsonPath("$.readings[0].status").value("UPCOMING"));

		clock.advance(Duration.ofMinutes(8)); // 11 min after the dose
		read(record).andExpect(jsonPath("$.readings[0].status").value("DUE"));

		clock.advance(Duration.ofMinutes(5)); // 16 min: the 10-min reading was missed
		read(record).andExpect(jsonPath("$.readings[0].status").value("OVERDUE"))
			.andExpect(jsonPath("$.readings[1].status").value("UPCOMING"));

		vitals(record, CALM).andExpect(status().isCreated()).andExpect(jsonPath("$.phase").value("INFUSION"));
		read(record).andExpect(jsonPath("$.readings[0].status").value("OVERDUE"))
			.andExpect(jsonPath("$.readings[1].status").value("TAKEN"))
			.andExpect(jsonPath("$.readings[1].takenAt").value(dosed.plus(Duration.ofMinutes(16)).toString()));

		clock.advance(Duration.ofMinutes(24)); // 40 min: the infusion ends, recovery readings every 15 min
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phase").value("RECOVERY"));
		clock.advance(Duration.ofMinutes(16));
		var slots = chart(record).get("readings");
		var last = slots.get(slots.size() - 1);
		var beforeLast = slots.get(slots.size() - 2);
		assertThat(beforeLast.get("phase").asString()).isEqualTo("RECOVERY");
		assertThat(beforeLast.get("dueAt").asString()).isEqualTo(dosed.plus(Duration.ofMinutes(55)).toString());
		assertThat(beforeLast.get("status").asString()).isEqualTo("DUE");
		assertThat(last.get("dueAt").asString()).isEqualTo(dosed.plus(Duration.ofMinutes(70)).toString());
		assertThat(last.get("status").asString()).isEqualTo("UPCOMING");
	}

	@Test
	void givenAPreDoseBpAbove140Over90ThenNoDoseUntilAClinicianConfirmsWithNameAndTime() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		vitals(record, """
				{"systolic":152,"diastolic":88,"heartRate":80,"spo2":98,"respiratoryRate":14}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.breaches", hasSize(0)));
		read(record).andExpect(jsonPath("$.awaitingBpConfirmation").value(true));
		var doseBody = """
				{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""";
		dose(record, doseBody).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("152/88 mmHg is above 140/90")));

		step(record, "pre-dose-confirmation", nurse(), "{\"reason\":\"I think it is fine\"}")
			.andExpect(status().isForbidden());
		clock.advance(Duration.ofMinutes(4));
		step(record, "pre-dose-confirmation", clinician(), "{\"reason\":\"Anxious on arrival; rechecked by me\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.awaitingBpConfirmation").value(false))
			.andExpect(jsonPath("$.preDoseClearance.clearedBy").value("dr.house"))
			.andExpect(jsonPath("$.preDoseClearance.clearedAt").value(START.plus(Duration.ofMinutes(4)).toString()))
			.andExpect(jsonPath("$.preDoseClearance.reason").value("Anxious on arrival; rechecked by me"));
		dose(record, doseBody).andExpect(status().isOk())
			.andExpect(jsonPath("$.dosing.plannedDoseMg").value(35.0))
			.andExpect(jsonPath("$.dosing.administeredBy").value("nina"))
			.andExpect(jsonPath("$.dosing.preparedBy").value("olga"))
			.andExpect(jsonPath("$.dosing.drugLot").value("KET-7"))
			.andExpect(jsonPath("$.dosing.infusionRateMgPerHour").value(52.5));
	}

	@Test
	void givenBadInputThen400NamingTheFieldNever500AndNothingIsWritten() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		step(record, "check-in", nurse(), """
				{"identityConfirmed":false,"escortConfirmed":true,"fasting":true}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("identityConfirmed"));
		step(record, "check-in", nurse(), """
				{"identityConfirmed":true,"escortConfirmed":true,"fasting":true,"phq9Items":[0,0,0,0,4,0,0,0,0]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phq9Items[4]"));
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		vitals(record, CALM).andExpect(status().isCreated());
		var version = chart(record).get("version").asLong();

		dose(record, """
				{"weightKg":70,"doseMg":42,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("doseMg"))
			.andExpect(jsonPath("$.detail", containsString("0.5 mg/kg × 70 kg = 35.00 mg")));
		dose(record, """
				{"weightKg":70,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("infusionRateMgPerHour"));
		dose(record, """
				{"weightKg":4000,"infusionRateMgPerHour":52.5,"drugLot":" ","preparedBy":"olga"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("weightKg", "drugLot")));
		dose(record, """
				{"weightKg":"heavy","infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("weightKg"));
		step(record, "adverse-events", nurse(), """
				{"grade":"CATASTROPHIC","description":"x"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("grade"));
		step(record, "cadss", nurse(), "{\"items\":[1,2,3,4,0]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
		step(record, "side-effects", nurse(), "{\"effect\":\"OTHER\",\"severity\":\"MILD\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));

		read(record).andExpect(jsonPath("$.version").value(version))
			.andExpect(jsonPath("$.dosing").value(nullValue()))
			.andExpect(jsonPath("$.phase").value("PRE_DOSE"));
		assertThat(count("adverse_event", record) + count("cadss_score", record) + count("side_effect", record))
			.isZero();
	}

	@Test
	void givenAnAlertThenItNeedsARecordedActionAndContinuingNeedsAReason() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		checkedInAndDosed(record, Route.IV);
		clock.advance(Duration.ofMinutes(10));
		vitals(record, """
				{"systolic":184,"diastolic":96,"heartRate":125,"spo2":95,"respiratoryRate":16}""")
			.andExpect(status().isCreated());
		var alert = chart(record).get("alerts").get(0);
		assertThat(alert.get("breaches").size()).isEqualTo(2);
		read(record).andExpect(jsonPath("$.openDischargeCriteria[*].criterion",
				org.hamcrest.Matchers.hasItem("ALERTS_ANSWERED")));
		var action = "alerts/" + alert.get("id").asString() + "/action";

		step(record, action, nurse(), "{\"action\":\"CONTINUE\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		step(record, action, clinician(), "{\"action\":\"SLOW\",\"reason\":\"Rate halved\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alerts[0].response.action").value("SLOW"))
			.andExpect(jsonPath("$.alerts[0].response.respondedBy").value("dr.house"))
			.andExpect(jsonPath("$.alerts[0].response.respondedAt").value(START.plus(Duration.ofMinutes(10)).toString()))
			.andExpect(jsonPath("$.openDischargeCriteria[*].criterion",
					not(org.hamcrest.Matchers.hasItem("ALERTS_ANSWERED"))));
		step(record, action, nurse(), "{\"action\":\"STOP\"}").andExpect(status().isConflict());
		step(record, "alerts/" + UUID.randomUUID() + "/action", nurse(), "{\"action\":\"STOP\"}")
			.andExpect(status().isNotFound());

		await().atMost(PATIENCE).until(() -> incompletePublications() == 0);
		var patient = UUID.fromString(chart(record).get("patientId").asString());
		var breaches = EventProbe.records("clinic.session",
				EventProbe.ofType("clinic.session.vitals-breach.v1", patient));
		assertThat(breaches).hasSize(1);
		assertThat(EventSchemas.violations("clinic.session.vitals-breach.v1", breaches.get(0).value())).isEmpty();
		var data = json.readTree(breaches.get(0).value());
		assertThat(data.get("alertId").asString()).isEqualTo(alert.get("id").asString());
		assertThat(data.get("phase").asString()).isEqualTo("INFUSION");
		assertThat(data.get("breaches").get(0).get("vital").asString()).isEqualTo("SYSTOLIC");
		assertThat(data.get("breaches").get(1).get("vital").asString()).isEqualTo("HEART_RATE");
	}

	@Test
	void givenEveryAdverseEventThenEachIsPublishedExactlyOnceAndSchemaValid() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		step(record, "adverse-events", nurse(), """
				{"grade":"SERIOUS","description":"Laryngospasm, bag-mask ventilation for 1 min"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.adverseEvents[0].grade").value("SERIOUS"))
			.andExpect(jsonPath("$.adverseEvents[0].reportedBy").value("nina"));
		step(record, "adverse-events", clinician(), """
				{"grade":"MILD","description":"Transient nausea"}""").andExpect(status().isCreated());
		var chart = chart(record);
		var patient = UUID.fromString(chart.get("patientId").asString());

		await().atMost(PATIENCE).until(() -> incompletePublications() == 0);
		outboxSettled(); // a second send of either would be on the broker now, were there one
		var type = "clinic.session.adverse-event-reported.v1";
		var published = EventProbe.records("clinic.session", EventProbe.ofType(type, patient));
		assertThat(published).hasSize(2);
		published.forEach(r -> assertThat(EventSchemas.violations(type, r.value())).isEmpty());
		var serious = json.readTree(published.stream()
			.filter(r -> json.readTree(r.value()).get("grade").asString().equals("SERIOUS"))
			.findFirst()
			.orElseThrow()
			.value());
		assertThat(serious.get("adverseEventId").asString()).isEqualTo(chart.get("adverseEvents").get(0).get("id").asString());
		assertThat(serious.get("sessionId").asString()).isEqualTo(record.toString());
		assertThat(serious.get("reportedBy").asString()).isEqualTo("nina");
		assertThat(serious.get("description").asString()).startsWith("Laryngospasm");
	}

	@Test
	void givenIntranasalEsketamineThenTheDischargeCannotBeSignedBeforeTwoHoursOfObservation() throws Exception {
		var record = openRecord(Route.INTRANASAL, "0.5");
		checkedInAndDosed(record, Route.INTRANASAL);
		clock.advance(Duration.ofMinutes(40));
		vitals(record, CALM).andExpect(status().isCreated()).andExpect(jsonPath("$.phase").value("RECOVERY"));
		step(record, "discharge-checklist", nurse(), CHECKLIST).andExpect(status().isOk());

		clock.advance(Duration.ofMinutes(79)); // 119 min after the dose
		step(record, "completion", nurse(), "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Observed 119 min")));
		clock.advance(Duration.ofMinutes(1));
		step(record, "completion", nurse(), "{}").andExpect(status().isOk());
		step(record, "clinician-sign-off", clinician(), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
	}

	@Test
	void givenAnOpenCriterionThenNeitherCanSignAndNothingIsSigned() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		checkedInAndDosed(record, Route.IV);
		clock.advance(Duration.ofMinutes(10));
		vitals(record, CALM).andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(30));
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse())).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(60));
		step(record, "discharge-checklist", nurse(), CHECKLIST.replace("\"escortPresent\":true", "\"escortPresent\":false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openDischargeCriteria", hasSize(1)))
			.andExpect(jsonPath("$.openDischargeCriteria[0].criterion").value("ESCORT_PRESENT"));

		step(record, "completion", nurse(), "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Escort not confirmed present")));
		step(record, "clinician-sign-off", clinician(), "").andExpect(status().isConflict());
		read(record).andExpect(jsonPath("$.nurseSignature").value(nullValue()))
			.andExpect(jsonPath("$.clinicianSignature").value(nullValue()))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"));

		step(record, "discharge-checklist", nurse(), CHECKLIST).andExpect(status().isOk());
		signed(record);
	}

	@Test
	void givenASignedRecordThenTheApiAndTheDatabaseRefuseEditsAndAddendaAreTaken() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		readyToSign(record);
		step(record, "side-effects", nurse(), "{\"effect\":\"DISSOCIATION\",\"severity\":\"MODERATE\"}")
			.andExpect(status().isCreated());
		step(record, "cadss", nurse(), "{\"items\":[1,2,0,1,0,2]}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.cadssScores[0].total").value(6));
		signed(record);
		var version = chart(record).get("version").asLong();

		step(record, "side-effects", nurse(), "{\"effect\":\"NAUSEA\",\"severity\":\"MILD\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("addendum")));
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isConflict());
		step(record, "discharge-checklist", nurse(), CHECKLIST).andExpect(status().isConflict());
		step(record, "adverse-events", nurse(), "{\"grade\":\"MILD\",\"description\":\"late\"}")
			.andExpect(status().isConflict());
		vitals(record, CALM).andExpect(status().isConflict());

		assertThatThrownBy(() -> jdbc.sql("update session_record set notes = 'rewritten' where id = :id")
			.param("id", record)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("is signed and cannot be changed");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into vitals_reading (session_id, taken_at, taken_by, phase, systolic, diastolic, heart_rate,
				  spo2, respiratory_rate, breaches)
				values (:id, now(), 'mallory', 'RECOVERY', 120, 80, 70, 98, 14, '[]')""")
			.param("id", record)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("is signed");
		assertThatThrownBy(() -> jdbc.sql("delete from side_effect where session_id = :id").param("id", record).update())
			.isInstanceOf(DataAccessException.class);

		clock.advance(Duration.ofHours(20));
		step(record, "addenda", clinician(), "{\"text\":\"Drug lot was KET-8, not KET-7\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.addenda[0].text").value("Drug lot was KET-8, not KET-7"))
			.andExpect(jsonPath("$.addenda[0].writtenBy").value("dr.house"))
			.andExpect(jsonPath("$.addenda[0].writtenAt").value(clock.instant().toString()));
		read(record).andExpect(jsonPath("$.version").value(version))
			.andExpect(jsonPath("$.notes").value("Uneventful"))
			.andExpect(jsonPath("$.dosing.drugLot").value("KET-7"))
			.andExpect(jsonPath("$.addenda", hasSize(1)));
		assertThatThrownBy(() -> jdbc.sql("update session_addendum set text = 'nothing happened' where session_id = :id")
			.param("id", record)
			.update()).isInstanceOf(DataAccessException.class);

		await().atMost(PATIENCE).until(() -> incompletePublications() == 0);
		var patient = UUID.fromString(chart(record).get("patientId").asString());
		var completed = EventProbe.records("clinic.session",
				EventProbe.ofType("clinic.session.session-completed.v1", patient));
		assertThat(completed).hasSize(1);
		assertThat(EventSchemas.violations("clinic.session.session-completed.v1", completed.get(0).value())).isEmpty();
		var data = json.readTree(completed.get(0).value());
		assertThat(data.get("cadss6Total").asInt()).isEqualTo(6);
		assertThat(data.get("sideEffects").get(0).get("effect").asString()).isEqualTo("DISSOCIATION");
		assertThat(data.get("phq9Total").asInt()).isEqualTo(12);
	}

	@Test
	void givenTypedTextWithMarkupThenThePrintableSummaryEscapesIt() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		readyToSign(record);
		step(record, "side-effects", nurse(), """
				{"effect":"OTHER","severity":"MILD","note":"<script>alert('x')</script> & <b>bold</b>"}""")
			.andExpect(status().isCreated());
		var html = mvc.perform(get("/api/session/records/{id}/summary", record).with(clinician()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold</b>");
		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
		assertThat(html).contains("Ada Lovelace").contains("35.00 mg").contains("KET-7").contains("12 / 27");
	}

	@Test
	void givenReadingsThenTheVitalsSeriesListsThemAsColumnsWithTheThresholds() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		checkedInAndDosed(record, Route.IV);
		clock.advance(Duration.ofMinutes(10));
		vitals(record, """
				{"systolic":140,"diastolic":85,"heartRate":90,"spo2":96,"respiratoryRate":15}""")
			.andExpect(status().isCreated());
		mvc.perform(get("/api/session/records/{id}/vitals-series", record).with(as("admin", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.takenAt", hasSize(2)))
			.andExpect(jsonPath("$.takenAt[1]").value(START.plus(Duration.ofMinutes(10)).toString()))
			.andExpect(jsonPath("$.phase[0]").value("PRE_DOSE"))
			.andExpect(jsonPath("$.phase[1]").value("INFUSION"))
			.andExpect(jsonPath("$.systolic[1]").value(140))
			.andExpect(jsonPath("$.spo2[0]").value(97))
			.andExpect(jsonPath("$.limits.systolicAbove").value(180))
			.andExpect(jsonPath("$.limits.spo2Below").value(92))
			.andExpect(jsonPath("$.dosedAt").value(START.toString()));
	}

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	@Test
	void givenTheWrongRoleThen403AndNothingIsWritten() throws Exception {
		var record = openRecord(Route.IV, "0.5");
		step(record, "check-in", clinician(), CHECK_IN).andExpect(status().isForbidden());
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		vitals(record, CALM).andExpect(status().isCreated());
		step(record, "dose", clinician(), """
				{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isForbidden());
		step(record, "clinician-sign-off", nurse(), "").andExpect(status().isForbidden());
		step(record, "adverse-events", as("admin", "admin"), "{\"grade\":\"MILD\",\"description\":\"x\"}")
			.andExpect(status().isForbidden());
		step(record, "addenda", as("frank", "front-desk"), "{\"text\":\"x\"}").andExpect(status().isForbidden());
		mvc.perform(get("/api/session/records/{id}/summary", record).with(as("frank", "front-desk")))
			.andExpect(status().isForbidden());
		read(record).andExpect(jsonPath("$.dosing").value(nullValue()))
			.andExpect(jsonPath("$.adverseEvents", hasSize(0)))
			.andExpect(jsonPath("$.addenda", hasSize(0)));
	}
}
