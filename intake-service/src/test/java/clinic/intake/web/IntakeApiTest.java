package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;

/** The intake API as the front desk and a clinician use it, on real PostgreSQL and Kafka. */
class IntakeApiTest extends IntakeIntegrationTest {

	/** Named and born apart from the patients the search tests look for (they share this service's database). */
	static final String REGISTRATION = """
			{"givenName":"Augusta","familyName":"Byron","birthDate":"1936-12-10","phone":"+41 44 765 43 21",
			 "referral":{"referringClinician":"Dr. Babbage","reason":"Two failed SSRIs","indication":"TREATMENT_RESISTANT_DEPRESSION"},
			 "confirmedNotDuplicate":true}""";

	UUID register() throws Exception {
		var body = mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(REGISTRATION))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mrn").isNotEmpty())
			.andExpect(jsonPath("$.status").value("REFERRED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	UUID screen(UUID patient, String phq9, int systolic, int diastolic) throws Exception {
		var body = mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phq9":%s,"systolic":%d,"diastolic":%d,"heartRate":72,"weightKg":68.5,
					 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
					                         {"drug":"escitalopram","adequate":true,"failed":true}]}""".formatted(phq9,
					systolic, diastolic)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	@Test
	void givenAClearedPatientThenExactlyOneSchemaValidEligibilityEventCarriesTheDosePlan() throws Exception {
		var patient = register();
		var screening = screen(patient, "[2,2,2,2,1,1,1,1,0]", 122, 78);

		mvc.perform(post("/api/intake/patients/{id}/eligibility-decisions", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.decidedBy").value("dr.house"));

		var type = "clinic.intake.eligibility-decided.v1";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).size() == 1);
		outboxSettled();
		var events = EventProbe.records("clinic.intake", EventProbe.ofType(type, patient));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(type, events.get(0).value())).isEmpty();
		var data = json.readTree(events.get(0).value());
		assertThat(data.get("outcome").asString()).isEqualTo("CLEARED");
		assertThat(data.get("dosePlan").get("mgPerKg").asDouble()).isEqualTo(0.5);
		// the clinic's range travels with the plan: the session service checks the dose given against it
		assertThat(data.get("dosePlan").get("minMgPerKg").decimalValue()).isEqualByComparingTo("0.1");
		assertThat(data.get("dosePlan").get("maxMgPerKg").decimalValue()).isEqualByComparingTo("1.0");
		assertThat(data.get("patientName").asString()).isEqualTo("Augusta Byron");

		mvc.perform(get("/api/intake/patients/{id}", patient).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLEARED"))
			.andExpect(jsonPath("$.screenings[0].phq9Total").value(12))
			.andExpect(jsonPath("$.screenings[0].phq9Band").value("MODERATE"));
	}

	@Test
	void givenAProposalOfReviewWhenClearedWithoutAReasonThenRejectedNamingTheField() throws Exception {
		var patient = register();
		var screening = screen(patient, "[1,1,1,1,1,1,1,1,0]", 150, 95);
		mvc.perform(post("/api/intake/patients/{id}/eligibility-decisions", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"screeningId":"%s","outcome":"CLEARED","dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(jdbc.sql("select count(*) from eligibility_decision where patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenADosePlanOutsideTheClinicRangeOrTooPreciseThenRejectedNamingMgPerKg() throws Exception {
		var patient = register();
		var screening = screen(patient, "[1,1,1,1,1,1,1,1,0]", 120, 80);
		for (var mgPerKg : new String[] { "1.5", "0.05", "0.125" }) {
			mvc.perform(post("/api/intake/patients/{id}/eligibility-decisions", patient).with(as("dr.house", "clinician"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"screeningId\":\"%s\",\"outcome\":\"CLEARED\",\"dosePlan\":{\"route\":\"IV\",\"mgPerKg\":%s}}"
					.formatted(screening, mgPerKg)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("dosePlan.mgPerKg"));
		}
	}

	@Test
	void givenTheDoseRangeIsAskedThenTheClinicsRangeAndStartingMgPerKgAreServedToClinicalStaffOnly() throws Exception {
		mvc.perform(get("/api/intake/dose-range").with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minMgPerKg").value(0.1))
			.andExpect(jsonPath("$.maxMgPerKg").value(1.0))
			.andExpect(jsonPath("$.defaultMgPerKg").value(0.5));
		mvc.perform(get("/api/intake/dose-range").with(as("frank", "front-desk"))).andExpect(status().isForbidden());
	}

	@Test
	void givenAnOutOfRangeAnswerThenTheItemIsNamedAndNothingIsStored() throws Exception {
		var patient = register();
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phq9":[0,0,0,4,0,0,0,0,0],"systolic":120,"diastolic":80,"heartRate":72,"weightKg":68.5}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phq9[3]"));
		assertThat(jdbc.sql("select count(*) from screening where patient_id = :p").param("p", patient).query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenBadRegistrationInputThenProblemNamesEachField() throws Exception {
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Ada","birthDate":"2199-01-01","referral":{"referringClinician":"Dr. B","indication":"FLU"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("referral.indication"));
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Ada","birthDate":"2199-01-01","referral":{"referringClinician":"Dr. B","indication":"PTSD"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("familyName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("birthDate")));
	}

	@Test
	void givenAReferralWithoutAReasonThenItIsRegisteredAndItsEventsKeepTheContract() throws Exception {
		mvc.perform(post("/api/intake/patients").with(as("remote-system", "integration"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Alan","familyName":"Turing","birthDate":"1970-06-23",
					 "referral":{"referringClinician":"Dr. Remote","indication":"PTSD"}}"""))
			.andExpect(status().isCreated());
	}

	@Test
	void givenNoTokenThen401AndGivenTheWrongRoleThen403() throws Exception {
		mvc.perform(get("/api/intake/patients")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/intake/patients").with(as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(REGISTRATION)).andExpect(status().isForbidden());
		mvc.perform(get("/api/intake/patients/{id}", UUID.randomUUID()).with(as("frank", "front-desk")))
			.andExpect(status().isNotFound());
	}

	@Test
	void givenAPatientIsReadThenTheAuditLogRecordsItAndCannotBeRewritten() throws Exception {
		var patient = register();
		mvc.perform(get("/api/intake/patients/{id}", patient).with(as("nina", "nurse"))).andExpect(status().isOk());
		var actors = jdbc.sql("select actor from audit_log where patient_id = :p and action like 'GET %'")
			.param("p", patient)
			.query(String.class)
			.list();
		assertThat(actors).containsExactly("nina");
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update())
			.rootCause().hasMessageContaining("permission denied");
	}
}
