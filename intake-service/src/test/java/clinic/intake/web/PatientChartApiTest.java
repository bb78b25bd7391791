package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.intake.IntakeIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The patient's chart per role (access policy, minimum necessary): intake computes the safety alerts and gives them to
 * every role; the front desk gets them instead of the screening answers and decisions they come from.
 */
class PatientChartApiTest extends IntakeIntegrationTest {

	/** Suicide risk twice over, a ketamine hypersensitivity: every alert the screening can raise. */
	static final String RISKY_SCREENING = """
			{"phq9":[2,2,2,2,2,1,1,1,2],"cssrs":{"q1":true,"q2":true,"q3":true,"q4":true,"q5":false,"q6":true},
			 "systolic":122,"diastolic":78,"heartRate":72,"weightKg":68.5,
			 "medicalHistory":["KETAMINE_HYPERSENSITIVITY"],
			 "currentMedications":[{"name":"lorazepam","drugClass":"BENZODIAZEPINE"}],"notes":"Lives alone"}""";

	static final List<String> ALERTS = List.of("suicide-risk: Suicide risk: PHQ-9 item 9 answered 2 at the latest screening",
			"suicide-risk: Suicide risk: C-SSRS high risk (yes to Q4, Q6)", "declined: Declined by dr.house: Hypersensitivity",
			"allergy: Allergy: hypersensitivity to ketamine");

	/** A patient screened with every risk answer and declined for it. */
	UUID declinedAtRisk() throws Exception {
		var patient = registerPatient("Ingrid");
		var screening = screenPatient(patient, RISKY_SCREENING);
		mvc.perform(post("/api/intake/patients/{id}/eligibility-decisions", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"screeningId":"%s","outcome":"DECLINED","reason":"Hypersensitivity"}""".formatted(screening)))
			.andExpect(status().isCreated());
		return patient;
	}

	JsonNode chart(UUID patient, String user, String role) throws Exception {
		return json.readTree(mvc.perform(get("/api/intake/patients/{id}", patient).with(as(user, role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	static List<String> alerts(JsonNode chart) {
		var alerts = new ArrayList<String>();
		chart.get("safetyAlerts").forEach(a -> alerts.add(a.get("kind").asString() + ": " + a.get("text").asString()));
		return alerts;
	}

	@Test
	void givenAScreenedAndDeclinedPatientThenTheFrontDeskGetsTheAlertsButNoScreeningAnswersOrDecisions()
			throws Exception {
		var patient = declinedAtRisk();

		var body = mvc.perform(get("/api/intake/patients/{id}", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var chart = json.readTree(body);

		assertThat(alerts(chart)).containsExactlyElementsOf(ALERTS);
		// what the front desk's page reads, and nothing else: no screenings, no decisions, no answers under another name
		assertThat(chart.propertyNames()).containsExactlyInAnyOrder("id", "mrn", "givenName", "familyName",
				"birthDate", "phone", "status", "version", "referrals", "safetyAlerts", "openReviewFlags",
				"consultation");
		assertThat(body).doesNotContain("phq9", "cssrs", "medicalHistory", "lorazepam", "Lives alone", "dosePlan",
				"screeningId");
		assertThat(chart.get("status").asString()).isEqualTo("DECLINED");
	}

	@Test
	void givenAScreenedAndDeclinedPatientThenClinicalStaffGetTheSameAlertsAndTheWholeChart() throws Exception {
		var patient = declinedAtRisk();

		for (var reader : List.of(List.of("nina", "nurse"), List.of("dr.house", "clinician"), List.of("ada", "admin"))) {
			var chart = chart(patient, reader.get(0), reader.get(1));
			assertThat(alerts(chart)).as(reader.get(1)).containsExactlyElementsOf(ALERTS);
			assertThat(chart.get("screenings").get(0).get("phq9").get(8).asInt()).as(reader.get(1)).isEqualTo(2);
			assertThat(chart.get("screenings").get(0).get("medicalHistory").get(0).asString()).as(reader.get(1))
				.isEqualTo("KETAMINE_HYPERSENSITIVITY");
			assertThat(chart.get("decisions").get(0).get("reason").asString()).as(reader.get(1))
				.isEqualTo("Hypersensitivity");
		}
	}

	@Test
	void givenAPatientNotYetScreenedThenEveryRoleGetsAnEmptyListOfAlerts() throws Exception {
		var patient = registerPatient("Olav");

		assertThat(chart(patient, "frank", "front-desk").get("safetyAlerts").isEmpty()).isTrue();
		var clinical = chart(patient, "dr.house", "clinician");
		assertThat(clinical.get("safetyAlerts").isEmpty()).isTrue();
		assertThat(clinical.get("screenings").isEmpty()).isTrue();
	}

	@Test
	void givenTheFrontDeskReadsTheChartThenTheAuditTrailStillNamesThePatient() throws Exception {
		var patient = declinedAtRisk();

		chart(patient, "frank", "front-desk");

		assertThat(jdbc.sql("select count(*) from audit_log where patient_id = :p and actor = 'frank' and action like 'GET %'")
			.param("p", patient)
			.query(Long.class)
			.single()).isEqualTo(1);
	}
}
