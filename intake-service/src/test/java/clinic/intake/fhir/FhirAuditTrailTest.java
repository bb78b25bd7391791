package clinic.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.AuditTrailGuarantees;
import clinic.contracts.test.FhirValidation;
import clinic.platform.test.Tokens;

/**
 * The FHIR interactions keep the audit trail the REST API keeps, row for row: a read names its patient, a search every
 * patient it showed, a create is written in its own transaction, refusals (401, 403) name the operation and the
 * patient. Where the REST API answers problem+json (a refusal, the trail out of reach) FHIR answers an
 * OperationOutcome; those three guarantees are restated here in FHIR's form.
 */
class FhirAuditTrailTest extends IntakeIntegrationTest implements AuditTrailGuarantees {

	@Override
	public PatientRead patientRead() throws Exception {
		var patient = registerPatient("Ottilie");
		return new PatientRead(patient, "/fhir/Patient/" + patient, "GET /fhir/Patient/{patientId}", "integration",
				"nurse");
	}

	@Override
	public Search searchShowing(PatientRead read) {
		var familyName = jdbc.sql("select family_name from patient where id = ?")
			.param(read.patient())
			.query(String.class)
			.single();
		return new Search("/fhir/Patient?family=" + familyName, "GET /fhir/Patient", "integration");
	}

	@Override
	public Change change() throws Exception {
		var patient = registerPatient("Ottilie");
		var clinician = "Dr. " + UUID.randomUUID();
		var request = post("/fhir/ServiceRequest").contentType("application/fhir+json").content("""
				{"resourceType":"ServiceRequest","status":"active","intent":"order",
				 "subject":{"reference":"Patient/%s"},"requester":{"display":"%s"},
				 "reasonCode":[{"coding":[{"system":"https://ketamine-clinic.example/fhir/CodeSystem/indication",
				   "code":"anxiety"}]}]}""".formatted(patient, clinician));
		return new Change(request, "POST /fhir/ServiceRequest", "create", "integration", 201, patient, "referral",
				() -> jdbc.sql("select id::text from referral where referring_clinician = ?")
					.param(clinician)
					.query(String.class)
					.optional()
					.orElse(null));
	}

	@Override
	public String auditPath() {
		return "/api/intake/audit";
	}

	@Override
	@Test
	public void givenNoValidTokenWhenSomeoneReadsAPatientThenTheRowSays401AnonymousWithTheOperation()
			throws Exception {
		var read = patientRead();
		var agent = "audit-test-" + UUID.randomUUID();
		mvc.perform(get(read.path()).header("User-Agent", agent)).andExpect(status().isUnauthorized());
		var answer = mvc.perform(get(read.path()).header("User-Agent", agent)
			.header("Authorization", "Bearer forged.token.here"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
			.andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FhirValidation.validJson(OperationOutcome.class, answer).getIssueFirstRep().getDiagnostics())
			.doesNotContain("forged");
		var rows = rowsWhere("user_agent = ?", agent);
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat(row.actor()).isEqualTo("anonymous");
			assertThat(row.outcome()).isEqualTo(401);
			assertThat(row.action()).isEqualTo(read.operation());
			assertThat(row.patients()).containsExactly(read.patient());
		});
	}

	@Override
	@Test
	public void givenTheAuditRowOfAChangeCannotBeWrittenThenTheChangeIsNotMadeAndTheAnswerIs503() throws Exception {
		AuditTrailGuarantees.auditRowsRefusedFor(environment);
		var change = change();
		var answer = mvc.perform(change.request()
			.with(Tokens.as(AuditTrailGuarantees.uniqueUser("unrecorded"), change.role()))
			.header("User-Agent", REFUSED_AGENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		FhirValidation.validJson(OperationOutcome.class, answer);
		assertThat(change.insertedId().call()).as("the change rolled back with its audit row").isNull();
	}

	@Override
	@Test
	public void givenTheAuditRowOfAReadCannotBeWrittenThenTheAnswerIs503WithoutTheData() throws Exception {
		AuditTrailGuarantees.auditRowsRefusedFor(environment);
		var read = patientRead();
		var answer = mvc.perform(get(read.path())
			.with(Tokens.as(AuditTrailGuarantees.uniqueUser("unrecorded"), read.allowedRole()))
			.header("User-Agent", REFUSED_AGENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("Audit trail unavailable").doesNotContain(read.patient().toString());
		FhirValidation.validJson(OperationOutcome.class, answer);
	}

	@Test
	void givenALikelyDuplicateRefusedThenItsRowNamesTheCandidates() throws Exception {
		var existing = registerPatient("Paula");
		var person = jdbc.sql("select family_name, birth_date::text from patient where id = ?")
			.param(existing)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		var user = AuditTrailGuarantees.uniqueUser("duplicate");
		mvc.perform(post("/fhir/Patient").with(Tokens.as(user, "integration"))
			.contentType("application/fhir+json")
			.content("""
					{"resourceType":"Patient",
					 "contained":[{"resourceType":"ServiceRequest","id":"r","status":"active","intent":"order",
					   "subject":{"reference":"#"},"requester":{"display":"Dr. Franklin"},
					   "reasonCode":[{"coding":[{"system":"https://ketamine-clinic.example/fhir/CodeSystem/indication",
					     "code":"anxiety"}]}]}],
					 "name":[{"family":"%s","given":["Paula"]}],"birthDate":"%s"}""".formatted(person[0], person[1])))
			.andExpect(status().isConflict());
		var row = onlyRowOf(user);
		assertThat(row.outcome()).isEqualTo(409);
		assertThat(row.kind()).isEqualTo("create");
		assertThat(row.action()).isEqualTo("POST /fhir/Patient");
		assertThat(row.patients()).containsExactly(existing);
	}
}
