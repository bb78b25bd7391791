package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;

/**
 * Consumer contract with scheduling: clearing a patient emits exactly one eligibility-decided event that validates
 * against its schema and that scheduling's own reading of it (copied below, not imported) can read.
 */
class EligibilityEventContractTest extends IntakeIntegrationTest {

	/** Copy of scheduling's {@code Eligibility}. */
	enum SchedulingEligibility {
		CLEARED, DECLINED
	}

	/** Copy of scheduling's {@code IntakeEvents.EligibilityDecided}: the fields scheduling reads. */
	record SchedulingEligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt,
			SchedulingEligibility outcome, String patientName) {
	}

	static final String TYPE = "clinic.intake.eligibility-decided.v1";

	UUID screen(UUID patient) throws Exception {
		return screenPatient(patient, """
				{"phq9":[2,2,2,2,1,1,1,1,0],"systolic":122,"diastolic":78,"heartRate":72,"weightKg":68.5}""");
	}

	String decide(UUID patient, String body) throws Exception {
		return mvc.perform(post("/api/intake/patients/{patientId}/eligibility-decisions", patient)
			.with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long version(UUID patient) throws Exception {
		return json.readTree(mvc.perform(get("/api/intake/patients/{patientId}", patient).with(as("frank", "front-desk")))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("version").asLong();
	}

	@Test
	void givenAClearedPatientThenExactlyOneEventIsEmittedThatTheSchemaAcceptsAndSchedulingCanRead() throws Exception {
		var patient = registerPatient("Contract", "Cleared");
		var screening = screen(patient);

		var decision = json.readTree(decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Fit for a course",
				 "dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening))).get("id").asString();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(TYPE, patient)).size() == 1);
		outboxSettled();
		var events = EventProbe.records("clinic.intake", EventProbe.ofType(TYPE, patient));
		assertThat(events).hasSize(1);
		var event = events.get(0);
		assertThat(event.key()).isEqualTo(patient.toString());
		assertThat(EventSchemas.violations(TYPE, event.value())).isEmpty();
		assertThat(json.readTree(event.value()).get("decisionId").asString()).isEqualTo(decision);

		var read = json.readValue(event.value(), SchedulingEligibilityDecided.class);
		assertThat(read.patientId()).isEqualTo(patient);
		assertThat(read.outcome()).isEqualTo(SchedulingEligibility.CLEARED);
		assertThat(read.patientName()).startsWith("Contract Cleared");
		assertThat(read.aggregateVersion()).isEqualTo(version(patient));
		assertThat(read.occurredAt()).isNotNull();
	}

	@Test
	void givenASupersedingDecisionThenItsEventNamesTheOldDecisionAndSchedulingReadsTheNewOutcome() throws Exception {
		var patient = registerPatient("Contract", "Superseded");
		var screening = screen(patient);
		var first = json.readTree(decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Fit for a course",
				 "dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening))).get("id").asString();
		decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","reason":"Pregnancy reported","supersedesDecisionId":"%s"}"""
			.formatted(screening, first));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(TYPE, patient)).size() == 2);
		var events = EventProbe.records("clinic.intake", EventProbe.ofType(TYPE, patient));
		assertThat(events).hasSize(2);
		for (var event : events) {
			assertThat(EventSchemas.violations(TYPE, event.value())).isEmpty();
		}
		var firstEvent = json.readTree(events.get(0).value());
		var secondEvent = json.readTree(events.get(1).value());
		assertThat(firstEvent.get("supersedesDecisionId").isNull()).isTrue();
		assertThat(secondEvent.get("supersedesDecisionId").asString()).isEqualTo(first);

		var older = json.readValue(events.get(0).value(), SchedulingEligibilityDecided.class);
		var newer = json.readValue(events.get(1).value(), SchedulingEligibilityDecided.class);
		assertThat(older.outcome()).isEqualTo(SchedulingEligibility.CLEARED);
		assertThat(newer.outcome()).isEqualTo(SchedulingEligibility.DECLINED);
		assertThat(newer.aggregateVersion()).isGreaterThan(older.aggregateVersion());
	}
}
