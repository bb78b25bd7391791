package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.RealInfrastructure;
import clinic.platform.test.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer contract with scheduling: clearing a patient emits exactly one eligibility-decided event that validates
 * against its schema and that scheduling's own reading of it (copied below, not imported) can read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EligibilityEventContractTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.register(registry, "intake-service");
	}

	/** Copy of scheduling's {@code Eligibility}. */
	enum SchedulingEligibility {
		CLEARED, DECLINED
	}

	/** Copy of scheduling's {@code EligibilityDecidedHandler.EligibilityDecided}: the fields scheduling reads. */
	record SchedulingEligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt,
			SchedulingEligibility outcome, String patientName) {
	}

	static final String TYPE = "clinic.intake.eligibility-decided.v1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	UUID register(String family) throws Exception {
		var birthDate = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(18_000));
		var body = mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Contract","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
					 "referral":{"referringClinician":"Dr. Babbage","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
				.formatted(family, birthDate)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	UUID screen(UUID patient) throws Exception {
		var body = mvc.perform(post("/api/intake/patients/{patientId}/screenings", patient)
			.with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phq9":[2,2,2,2,1,1,1,1,0],"systolic":122,"diastolic":78,"heartRate":72,"weightKg":68.5}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
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
		var patient = register("Cleared" + ThreadLocalRandom.current().nextInt(1_000_000));
		var screening = screen(patient);

		var decision = json.readTree(decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Fit for a course",
				 "dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening))).get("id").asString();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(TYPE, patient)).size() == 1);
		Thread.sleep(1000);
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
		var patient = register("Superseded" + ThreadLocalRandom.current().nextInt(1_000_000));
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
