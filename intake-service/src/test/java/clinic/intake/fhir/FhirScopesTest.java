package clinic.intake.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.Tokens;

/**
 * A client sees only what its SMART scopes allow, whatever its role would: a token for referrals cannot read a
 * patient, a read-only token cannot register one (and nothing is written), and a scope of a kind a backend cannot
 * hold grants nothing. Each refusal is a 403 OperationOutcome whose {@code WWW-Authenticate} names the scope to ask for.
 */
class FhirScopesTest extends IntakeIntegrationTest {

	private static final String JSON = "application/fhir+json";

	private MockHttpServletResponse call(String scopes, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Tokens.withScopes("ehr-link", "integration", scopes)).accept(JSON))
			.andReturn()
			.getResponse();
	}

	@Test
	void givenATokenForReferralsOnlyThenItSearchesReferralsButCannotReadThePatient() throws Exception {
		var patient = registerPatient("Scopa");

		var referrals = call("system/ServiceRequest.rs", get("/fhir/ServiceRequest").param("patient", patient.toString()));
		var read = call("system/ServiceRequest.rs", get("/fhir/Patient/{id}", patient));

		assertThat(referrals.getStatus()).isEqualTo(200);
		assertThat(validJson(Bundle.class, referrals.getContentAsString()).getTotal()).isEqualTo(1);
		assertRefused(read, "system/Patient.r");
		assertThat(read.getContentAsString()).doesNotContain("Scopa");
	}

	@Test
	void givenAReadOnlyTokenThenItReadsThePatientButRegistersNoOne() throws Exception {
		var patient = registerPatient("Lectio");
		var family = "Scoped" + System.nanoTime() % 1_000_000;
		var before = patientsNamed(family);

		var read = call("system/Patient.read", get("/fhir/Patient/{id}", patient));
		var create = call("system/Patient.read system/ServiceRequest.read", post("/fhir/Patient").contentType(JSON)
			.content("""
					{"resourceType":"Patient","name":[{"family":"%s","given":["Nova"]}],"birthDate":"1980-02-03"}"""
				.formatted(family)));

		assertThat(read.getStatus()).isEqualTo(200);
		assertThat(validJson(Patient.class, read.getContentAsString()).getIdElement().getIdPart())
			.isEqualTo(patient.toString());
		assertRefused(create, "system/Patient.c");
		assertThat(patientsNamed(family)).isEqualTo(before).isZero();
	}

	@Test
	void givenScopesABackendCannotHoldOrThatDoNotParseThenNothingIsGranted() throws Exception {
		var patient = registerPatient("Nemo");

		for (var scopes : new String[] { "patient/Patient.read", "system/patient.read", "system/Patient.sr",
				"system/Patient", "read", "" }) {
			assertRefused(call(scopes, get("/fhir/Patient/{id}", patient)), "system/Patient.r");
		}
		assertThat(call("system/*.rs", get("/fhir/Patient/{id}", patient)).getStatus()).isEqualTo(200);
		assertThat(call("user/Patient.r", get("/fhir/Patient/{id}", patient)).getStatus()).isEqualTo(200);
	}

	@Test
	void givenNoTokenThenTheCapabilityStatementIsStillPublic() throws Exception {
		assertThat(mvc.perform(get("/fhir/metadata").accept(JSON)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	private static void assertRefused(MockHttpServletResponse answer, String scope) throws Exception {
		assertThat(answer.getStatus()).isEqualTo(403);
		assertThat(answer.getHeader("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
			.contains("scope=\"" + scope + "\"");
		var outcome = validJson(OperationOutcome.class, answer.getContentAsString());
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(scope);
	}

	private int patientsNamed(String family) {
		return jdbc.sql("select count(*) from patient where family_name = ?").param(family).query(Integer.class)
			.single();
	}
}
