package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import tools.jackson.databind.JsonNode;

/** Adverse events reported by the session service flag the patient for review; a clinician clears the flag. */
class ReviewFlagApiTest extends IntakeIntegrationTest {

	static final String TYPE = "clinic.session.adverse-event-reported.v1";

	UUID register() throws Exception {
		return registerPatient("Flag");
	}

	/** Sends the adverse event as the session service would, checked against its contract; returns the event id. */
	UUID report(UUID eventId, UUID patient, String grade, String description, Instant occurredAt) {
		var data = """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"%s","sessionId":"%s",
				 "appointmentId":"%s","adverseEventId":"%s","grade":"%s","description":"%s","reportedBy":"nina",
				 "pausesCourse":%s}"""
			.formatted(eventId, patient, occurredAt, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), grade,
					description, "SERIOUS".equals(grade));
		assertThat(EventSchemas.violations(TYPE, data.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
		EventProbe.send("clinic.session", patient, EventProbe.cloudEvent(eventId, TYPE, patient, data));
		return eventId;
	}

	UUID report(UUID patient, String grade, String description) {
		return report(UUID.randomUUID(), patient, grade, description, Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	long recorded(UUID patient) {
		return jdbc.sql("select count(*) from patient_review_flag where patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single();
	}

	JsonNode queue() throws Exception {
		return json.readTree(mvc.perform(get("/api/intake/review-queue").with(Tokens.as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	JsonNode queueItem(UUID patient) throws Exception {
		for (var item : queue()) {
			if (item.get("patientId").asString().equals(patient.toString())) {
				return item;
			}
		}
		return null;
	}

	ResultActions clearance(UUID patient, UUID flag, String body, String user, String role) throws Exception {
		return mvc.perform(post("/api/intake/patients/{patientId}/review-flags/{flagId}/clearance", patient, flag)
			.with(Tokens.as(user, role))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void givenASeriousAdverseEventThenThePatientIsUrgentInTheQueueWithTheReasonAndARedeliveryChangesNothing()
			throws Exception {
		var waiting = register();
		mvc.perform(post("/api/intake/patients/{patientId}/screenings", waiting).with(Tokens.as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phq9":[1,1,1,1,1,1,1,1,0],"systolic":120,"diastolic":80,"heartRate":72,"weightKg":68.5}"""))
			.andExpect(status().isCreated());
		var patient = register();
		var eventId = report(patient, "SERIOUS", "Laryngospasm, bag-mask ventilation for 2 minutes");

		await().atMost(Duration.ofSeconds(30)).until(() -> queueItem(patient) != null);
		var item = queueItem(patient);
		assertThat(item.get("urgent").asBoolean()).isTrue();
		assertThat(item.get("mrn").asString()).startsWith("MRN-");
		assertThat(item.get("patientName").asString()).startsWith("Flag F");
		assertThat(item.get("screeningId").isNull()).isTrue();
		assertThat(item.get("flags").size()).isEqualTo(1);
		assertThat(item.get("flags").get(0).get("grade").asString()).isEqualTo("SERIOUS");
		assertThat(item.get("flags").get(0).get("reason").asString()).contains("SERIOUS")
			.contains("Laryngospasm, bag-mask ventilation for 2 minutes");
		assertThat(item.get("flags").get(0).get("raisedAt").asString()).isNotEmpty();

		// urgent entries come before the patient waiting with a non-urgent screening
		var order = new ArrayList<String>();
		queue().forEach(i -> order.add(i.get("patientId").asString()));
		assertThat(order.indexOf(patient.toString())).isLessThan(order.indexOf(waiting.toString()));

		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(Tokens.as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openReviewFlags[0].grade").value("SERIOUS"))
			.andExpect(jsonPath("$.openReviewFlags[0].id").value(item.get("flags").get(0).get("id").asString()));

		// the same event again, then a marker behind it on the patient's partition: still one record
		report(eventId, patient, "SERIOUS", "Laryngospasm, bag-mask ventilation for 2 minutes", Instant.now());
		report(patient, "MILD", "marker");
		await().atMost(Duration.ofSeconds(30)).until(() -> recorded(patient) == 2);
		assertThat(queueItem(patient).get("flags").size()).isEqualTo(1);
	}

	@Test
	void givenAMildAdverseEventThenItIsRecordedButThePatientIsNotQueued() throws Exception {
		var patient = register();
		report(patient, "MILD", "Transient nausea, resolved without treatment");

		await().atMost(Duration.ofSeconds(30)).until(() -> recorded(patient) == 1);
		assertThat(jdbc.sql("select grade || ' ' || flags_review from patient_review_flag where patient_id = :p")
			.param("p", patient)
			.query(String.class)
			.single()).isEqualTo("MILD false");
		assertThat(queueItem(patient)).isNull();
		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(Tokens.as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openReviewFlags").isEmpty());
	}

	@Test
	void givenAPatientIntakeDoesNotHoldThenTheSevereAdverseEventStillQueuesThem() throws Exception {
		var unknown = UUID.randomUUID();
		report(unknown, "SEVERE", "Severe hypertension 190/110 during infusion");

		await().atMost(Duration.ofSeconds(30)).until(() -> queueItem(unknown) != null);
		var item = queueItem(unknown);
		assertThat(item.get("urgent").asBoolean()).isTrue();
		assertThat(item.get("mrn").isNull()).isTrue();
		assertThat(item.get("flags").get(0).get("grade").asString()).isEqualTo("SEVERE");
	}

	@Test
	void givenAnOpenFlagWhenAClinicianClearsItWithAReasonThenThePatientLeavesTheQueueAndCannotClearItTwice()
			throws Exception {
		var patient = register();
		report(patient, "SEVERE", "Emergence delirium requiring midazolam");
		await().atMost(Duration.ofSeconds(30)).until(() -> queueItem(patient) != null);
		var flag = UUID.fromString(queueItem(patient).get("flags").get(0).get("id").asString());

		clearance(patient, flag, "{}", "dr.house", "clinician").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		clearance(patient, flag, """
				{"reason":"   "}""", "dr.house", "clinician").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		clearance(patient, flag, """
				{"reason":"Reviewed"}""", "nina", "nurse").andExpect(status().isForbidden());
		clearance(patient, UUID.randomUUID(), """
				{"reason":"Reviewed"}""", "dr.house", "clinician").andExpect(status().isNotFound());
		assertThat(queueItem(patient)).isNotNull();

		clearance(patient, flag, """
				{"reason":"Reviewed with the patient; next infusion at 0.4 mg/kg with premedication"}""", "dr.house",
				"clinician")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clearedBy").value("dr.house"))
			.andExpect(jsonPath("$.clearReason", containsString("premedication")));
		assertThat(queueItem(patient)).isNull();
		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(Tokens.as("dr.house", "clinician")))
			.andExpect(jsonPath("$.openReviewFlags").isEmpty());

		clearance(patient, flag, """
				{"reason":"Again"}""", "dr.house", "clinician").andExpect(status().isConflict());
	}
}
