package clinic.intake.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.intake.IntakeIntegrationTest;

/**
 * Other systems' identifiers through FHIR: a Patient created with them keeps them (who added them, when), reads show
 * them after the MRN, {@code identifier} searches find by them; the clinic's MRN system is intake's to assign, and an
 * identifier another patient holds is refused (409 naming the holder), nothing written.
 */
class FhirIdentifiersTest extends IntakeIntegrationTest {

	private static final String JSON = "application/fhir+json";

	private static final String MRN_SYSTEM = "https://ketamine-clinic.example/fhir/sid/mrn";

	private static final String EHR_SYSTEM = "urn:oid:2.16.840.1.113883.3.8888";

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as("ehr-link", "integration")).accept(JSON)).andReturn().getResponse();
	}

	@Test
	void givenAPatientCreatedWithOtherSystemsIdentifiersThenReadShowsThemAndSearchFindsByThem() throws Exception {
		var family = uniqueFamily();
		var ehrId = "E-" + family;

		var created = call(post("/fhir/Patient").contentType(JSON).content(newPatient("Olga", family, """
				[{"system":"%s","value":"%s","assigner":{"display":"Northside EHR"}},
				 {"system":"https://gp.example/sid/patient","value":"G-%s"}]""".formatted(EHR_SYSTEM, ehrId, family))));

		assertThat(created.getStatus()).isEqualTo(201);
		var id = validJson(Patient.class, created.getContentAsString()).getIdElement().getIdPart();
		var read = call(get("/fhir/Patient/{id}", id));
		var patient = validJson(Patient.class, read.getContentAsString());
		assertThat(patient.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
			.containsExactly(tuple(MRN_SYSTEM, patient.getIdentifierFirstRep().getValue()), tuple(EHR_SYSTEM, ehrId),
					tuple("https://gp.example/sid/patient", "G-" + family));
		assertThat(patient.getIdentifier().get(1).getAssigner().getDisplay()).isEqualTo("Northside EHR");
		assertThat(patient.getActive()).isTrue();
		assertThat(patient.getLink()).isEmpty();
		assertThat(jdbc.sql("select added_by from patient_identifier where value = ?").param(ehrId)
			.query(String.class).single()).isEqualTo("ehr-link");
		assertThat(foundBy(EHR_SYSTEM + "|" + ehrId)).containsExactly(id);
		assertThat(foundBy(ehrId)).as("without a system").containsExactly(id);
		assertThat(foundBy("urn:oid:1.2.3|" + ehrId)).as("another system's same value").isEmpty();
		assertThat(foundBy(patient.getIdentifierFirstRep().getValue())).as("the MRN without a system")
			.containsExactly(id);
	}

	@Test
	void givenAnIdentifierAnotherPatientHoldsThen409NamingTheHolderAndNothingWritten() throws Exception {
		var holderFamily = uniqueFamily();
		var shared = "[{\"system\":\"" + EHR_SYSTEM + "\",\"value\":\"S-" + holderFamily + "\"}]";
		var holder = validJson(Patient.class, call(post("/fhir/Patient").contentType(JSON)
			.content(newPatient("Petra", holderFamily, shared))).getContentAsString());
		var holderMrn = holder.getIdentifierFirstRep().getValue();
		var family = uniqueFamily();

		var claim = call(post("/fhir/Patient").contentType(JSON).content(newPatient("Quinn", family, shared)));

		assertThat(claim.getStatus()).isEqualTo(409);
		var outcome = validJson(OperationOutcome.class, claim.getContentAsString());
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(holderMrn,
				"Patient/" + holder.getIdElement().getIdPart());
		assertThat(jdbc.sql("select count(*) from patient where family_name = ?").param(family).query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenTheClinicsMrnSystemOrAnIdentifierWithoutSystemThen422NamingItAndNothingWritten() throws Exception {
		var family = uniqueFamily();

		var mrn = call(post("/fhir/Patient").contentType(JSON).content(newPatient("Rosa", family,
				"[{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"MRN-999999\"}]")));
		var noSystem = call(post("/fhir/Patient").contentType(JSON).content(newPatient("Rosa", family,
				"[{\"system\":\"" + EHR_SYSTEM + "\",\"value\":\"x\"},{\"value\":\"y\"}]")));

		assertThat(mrn.getStatus()).isEqualTo(422);
		assertThat(validJson(OperationOutcome.class, mrn.getContentAsString()).getIssueFirstRep().getDiagnostics())
			.contains("Patient.identifier[0]", "assigned by intake");
		assertThat(noSystem.getStatus()).isEqualTo(422);
		assertThat(validJson(OperationOutcome.class, noSystem.getContentAsString()).getIssueFirstRep()
			.getDiagnostics()).contains("Patient.identifier[1].system");
		assertThat(jdbc.sql("select count(*) from patient where family_name = ?").param(family).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from patient_identifier where system = ? and value = 'x'")
			.param(EHR_SYSTEM).query(Long.class).single()).isZero();
	}

	private List<String> foundBy(String identifier) throws Exception {
		var answer = call(get("/fhir/Patient").param("identifier", identifier));
		assertThat(answer.getStatus()).isEqualTo(200);
		return validJson(Bundle.class, answer.getContentAsString()).getEntry()
			.stream()
			.map(entry -> entry.getResource().getIdElement().getIdPart())
			.toList();
	}

	private static String uniqueFamily() {
		var random = ThreadLocalRandom.current();
		var name = new StringBuilder("Fi");
		for (int i = 0; i < 10; i++) {
			name.append((char) ('a' + random.nextInt(26)));
		}
		return name.toString();
	}

	private static String newPatient(String given, String family, String identifiers) {
		return """
				{"resourceType":"Patient",
				 "identifier":%s,
				 "contained":[{"resourceType":"ServiceRequest","id":"referral","status":"active","intent":"order",
				   "subject":{"reference":"#"},"requester":{"display":"Dr. Franklin"},
				   "reasonCode":[{"coding":[{"system":"https://ketamine-clinic.example/fhir/CodeSystem/indication","code":"ptsd"}]}]}],
				 "name":[{"family":"%s","given":["%s"]}],
				 "birthDate":"1941-0%d-1%d"}""".formatted(identifiers, family, given,
				1 + ThreadLocalRandom.current().nextInt(9), ThreadLocalRandom.current().nextInt(10));
	}
}
