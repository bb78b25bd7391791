package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.AuditTrailGuarantees;
import clinic.platform.test.Tokens;

/** Intake keeps the audit trail every service keeps: a patient's chart read, the patient search, a new referral. */
class IntakeAuditTrailTest extends IntakeIntegrationTest implements AuditTrailGuarantees {

	@Override
	public PatientRead patientRead() throws Exception {
		var patient = registerPatient("Audrey");
		// the integration client registers patients and referrals but may not read a chart
		return new PatientRead(patient, "/api/intake/patients/" + patient, "GET /api/intake/patients/{patientId}",
				"nurse", "integration");
	}

	@Override
	public Search searchShowing(PatientRead read) {
		var familyName = jdbc.sql("select family_name from patient where id = ?")
			.param(read.patient())
			.query(String.class)
			.single();
		return new Search("/api/intake/patients?q=" + familyName, "GET /api/intake/patients", "front-desk");
	}

	@Override
	public Change change() throws Exception {
		var patient = registerPatient("Audrey");
		var clinician = "Dr. " + UUID.randomUUID();
		var request = post("/api/intake/patients/{patientId}/referrals", patient)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"%s","indication":"TREATMENT_RESISTANT_DEPRESSION"}""".formatted(clinician));
		return new Change(request, "POST /api/intake/patients/{patientId}/referrals", "create", "front-desk", 201,
				patient, "referral", () -> jdbc.sql("select id::text from referral where referring_clinician = ?")
					.param(clinician)
					.query(String.class)
					.optional()
					.orElse(null));
	}

	@Override
	public String auditPath() {
		return "/api/intake/audit";
	}

	@Test
	void givenARegistrationThenItsRowNamesTheNewPatientAndWasWrittenByTheRegistrationsTransaction() throws Exception {
		var user = AuditTrailGuarantees.uniqueUser("registrar");
		var created = mvc.perform(post("/api/intake/patients").with(Tokens.as(user, "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Audrey","familyName":"Qxvbrtz%s","birthDate":"1931-02-03","confirmedNotDuplicate":true,
					 "referral":{"referringClinician":"Dr. Babbage","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
				.formatted(UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x"))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var patient = UUID.fromString(json.readTree(created).get("id").asString());
		var row = onlyRowOf(user);
		assertThat(row.patients()).containsExactly(patient);
		assertThat(row.outcome()).isEqualTo(201);
		assertThat(row.kind()).isEqualTo("create");
		var patientTransaction = jdbc.sql("select xmin::text from patient where id = ?")
			.param(patient)
			.query(String.class)
			.single();
		var auditTransaction = jdbc.sql("select xmin::text from audit_log where actor = ?")
			.param(user)
			.query(String.class)
			.single();
		assertThat(auditTransaction).as("written by the transaction that registered the patient")
			.isEqualTo(patientTransaction);
	}
}
