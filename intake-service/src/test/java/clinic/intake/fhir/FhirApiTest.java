package clinic.intake.fhir;

import static clinic.contracts.test.FhirValidation.valid;
import static clinic.contracts.test.FhirValidation.validJson;
import static clinic.contracts.test.FhirValidation.validXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.intake.IntakeIntegrationTest;
import clinic.contracts.test.FhirValidation;

/**
 * Intake's FHIR R4 interactions as another clinic system uses them (the integration client), each answer validated
 * against the base R4 definitions: read and search patients (with paging), register a patient with its referral and
 * add a referral, a likely duplicate refused as on the REST API, and every error an OperationOutcome.
 */
class FhirApiTest extends IntakeIntegrationTest {

	private static final String JSON = "application/fhir+json";

	private static final String MRN_SYSTEM = "https://ketamine-clinic.example/fhir/sid/mrn";

	private static final String INDICATIONS = "https://ketamine-clinic.example/fhir/CodeSystem/indication";

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as("ehr-link", "integration")).accept(JSON)).andReturn().getResponse();
	}

	@Test
	void givenARegisteredPatientWhenAnotherSystemReadsItThenItGetsTheDemographicsWithTheClinicsMrn() throws Exception {
		var id = registerPatient("Fiona");
		var stored = jdbc.sql("select mrn, family_name, birth_date from patient where id = ?")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();

		var answer = call(get("/fhir/Patient/{id}", id));

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith(JSON);
		var patient = validJson(Patient.class, answer.getContentAsString());
		assertThat(patient.getIdElement().getIdPart()).isEqualTo(id.toString());
		var mrn = patient.getIdentifierFirstRep();
		assertThat(mrn.getSystem()).isEqualTo(MRN_SYSTEM);
		assertThat(mrn.getValue()).isEqualTo(stored[0]);
		assertThat(mrn.getType().getCodingFirstRep().getCode()).isEqualTo("MR");
		assertThat(mrn.getAssigner().getDisplay()).isEqualTo("Ketamine clinic");
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(stored[1]);
		assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Fiona");
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo(stored[2]);
	}

	@Test
	void givenAClientAskingForXmlThenThePatientComesInXml() throws Exception {
		var id = registerPatient("Xena");

		var answer = mvc.perform(get("/fhir/Patient/{id}", id).with(as("ehr-link", "integration"))
			.accept("application/fhir+xml")).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith("application/fhir+xml");
		assertThat(answer.getContentAsString()).startsWith("<Patient xmlns=\"http://hl7.org/fhir\">");
		assertThat(validXml(Patient.class, answer.getContentAsString()).getIdElement().getIdPart())
			.isEqualTo(id.toString());
	}

	@Test
	void givenThreePatientsOfAFamilyWhenSearchedTwoAPageThenTheNextLinkGivesTheThird() throws Exception {
		var family = uniqueFamily();
		var ids = new HashSet<String>();
		for (var given : new String[] { "Anna", "Berta", "Clara" }) {
			ids.add(registerPatient(given, family).toString());
		}

		var first = validJson(Bundle.class,
				call(get("/fhir/Patient").param("family", family.toLowerCase()).param("_count", "2"))
					.getContentAsString());

		assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(first.getTotal()).isEqualTo(3);
		assertThat(first.getEntry()).hasSize(2);
		var next = first.getLink(Bundle.LINK_NEXT);
		assertThat(next).as("a next link").isNotNull();
		var nextUri = URI.create(next.getUrl());
		assertThat(nextUri.getPath()).isEqualTo("/fhir/Patient");
		var second = validJson(Bundle.class,
				call(get(nextUri.getPath() + "?" + nextUri.getRawQuery())).getContentAsString());
		assertThat(second.getEntry()).hasSize(1);
		assertThat(second.getLink(Bundle.LINK_NEXT)).as("no page after the last").isNull();
		assertThat(second.getLink(Bundle.LINK_PREV)).as("a previous link").isNotNull();
		var seen = new HashSet<String>();
		first.getEntry().forEach(entry -> seen.add(entry.getResource().getIdElement().getIdPart()));
		second.getEntry().forEach(entry -> seen.add(entry.getResource().getIdElement().getIdPart()));
		assertThat(seen).isEqualTo(ids);
	}

	@Test
	void givenAnMrnOrANameWithBirthDateThenTheSearchFindsExactlyThatPatient() throws Exception {
		var family = uniqueFamily();
		var id = registerPatient("Greta", family);
		registerPatient("Hilde", family);
		var mrn = jdbc.sql("select mrn from patient where id = ?").param(id).query(String.class).single();
		var born = jdbc.sql("select birth_date::text from patient where id = ?").param(id).query(String.class).single();

		var byMrn = validJson(Bundle.class,
				call(get("/fhir/Patient").param("identifier", MRN_SYSTEM + "|" + mrn)).getContentAsString());
		var byName = validJson(Bundle.class, call(get("/fhir/Patient").param("given", "gret")
			.param("family", family)
			.param("birthdate", born)).getContentAsString());
		var otherSystem = validJson(Bundle.class,
				call(get("/fhir/Patient").param("identifier", "urn:oid:1.2.3|" + mrn)).getContentAsString());

		assertThat(byMrn.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
			.containsExactly(id.toString());
		assertThat(byName.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
			.containsExactly(id.toString());
		assertThat(otherSystem.getTotal()).as("no patient holds that identifier of another system").isZero();
	}

	@Test
	void givenANewPatientWithItsReferralThenItIsRegisteredAndALikelyDuplicateIsRefusedUnlessConfirmed()
			throws Exception {
		var family = uniqueFamily();
		var body = newPatient("Ingrid", family, "1932-04-05");

		var created = call(post("/fhir/Patient").contentType(JSON).content(body));

		assertThat(created.getStatus()).isEqualTo(201);
		var patient = validJson(Patient.class, created.getContentAsString());
		var id = UUID.fromString(patient.getIdElement().getIdPart());
		assertThat(created.getHeader("Location")).contains("/fhir/Patient/" + id);
		assertThat(patient.getIdentifierFirstRep().getValue()).startsWith("MRN-");
		assertThat(jdbc.sql("select indication from referral where patient_id = ?").param(id).query(String.class)
			.single()).isEqualTo("PTSD");

		var again = call(post("/fhir/Patient").contentType(JSON).content(body));

		assertThat(again.getStatus()).isEqualTo(409);
		var outcome = validJson(OperationOutcome.class, again.getContentAsString());
		assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getCode)
			.containsOnly(OperationOutcome.IssueType.DUPLICATE);
		assertThat(outcome.getIssue()).anySatisfy(
				issue -> assertThat(issue.getDiagnostics()).contains("Patient/" + id, patient.getIdentifierFirstRep()
					.getValue()));
		assertThat(jdbc.sql("select count(*) from patient where family_name = ?").param(family).query(Long.class)
			.single()).isEqualTo(1);

		var confirmed = call(post("/fhir/Patient").contentType(JSON)
			.header(PatientResources.CONFIRMED_NOT_DUPLICATE, "true")
			.content(body));

		assertThat(confirmed.getStatus()).isEqualTo(201);
		valid(FhirValidation.R4.newJsonParser().parseResource(Patient.class, confirmed.getContentAsString()));
		assertThat(jdbc.sql("select count(*) from patient where family_name = ?").param(family).query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void givenAReferralForARegisteredPatientThenItIsAddedAndFoundWithThePatientIncluded() throws Exception {
		var id = registerPatient("Johanna");

		var created = call(post("/fhir/ServiceRequest").contentType(JSON).content("""
				{"resourceType":"ServiceRequest","status":"active","intent":"order",
				 "subject":{"reference":"Patient/%s"},
				 "requester":{"display":"Dr. Meitner"},
				 "reasonCode":[{"coding":[{"system":"%s","code":"chronic-pain"}]}],
				 "note":[{"text":"Neuropathic pain, three medications tried"}]}""".formatted(id, INDICATIONS)));

		assertThat(created.getStatus()).isEqualTo(201);
		var referral = validJson(ServiceRequest.class, created.getContentAsString());
		var referralId = referral.getIdElement().getIdPart();
		var read = validJson(ServiceRequest.class,
				call(get("/fhir/ServiceRequest/{id}", referralId)).getContentAsString());
		assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + id);
		assertThat(read.getRequester().getDisplay()).isEqualTo("Dr. Meitner");
		assertThat(read.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("chronic-pain");
		assertThat(read.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);

		var found = validJson(Bundle.class, call(get("/fhir/ServiceRequest").param("patient", "Patient/" + id)
			.param("status", "active")
			.param("_include", "ServiceRequest:patient")).getContentAsString());

		assertThat(found.getTotal()).as("the registration's referral and this one").isEqualTo(2);
		assertThat(found.getEntry()).filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
			.hasSize(2);
		assertThat(found.getEntry()).filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
			.extracting(entry -> entry.getResource().getIdElement().getIdPart())
			.containsExactly(id.toString());
		var completed = validJson(Bundle.class, call(get("/fhir/ServiceRequest").param("patient", id.toString())
			.param("status", "completed")).getContentAsString());
		assertThat(completed.getTotal()).isZero();
	}

	@Test
	void givenAnUnknownIdThen404AsAnOperationOutcome() throws Exception {
		for (var path : new String[] { "/fhir/Patient/" + UUID.randomUUID(), "/fhir/Patient/not-an-id",
				"/fhir/ServiceRequest/" + UUID.randomUUID() }) {
			var answer = call(get(path));
			assertThat(answer.getStatus()).as(path).isEqualTo(404);
			validJson(OperationOutcome.class, answer.getContentAsString());
		}
		var referralForNobody = call(post("/fhir/ServiceRequest").contentType(JSON).content("""
				{"resourceType":"ServiceRequest","status":"active","intent":"order",
				 "subject":{"reference":"Patient/%s"},"requester":{"display":"Dr. Meitner"},
				 "reasonCode":[{"coding":[{"system":"%s","code":"anxiety"}]}]}""".formatted(UUID.randomUUID(),
				INDICATIONS)));
		assertThat(referralForNobody.getStatus()).isEqualTo(404);
		validJson(OperationOutcome.class, referralForNobody.getContentAsString());
	}

	@Test
	void givenBadParametersOrABadResourceThen400Or422AsAnOperationOutcomeNever500() throws Exception {
		var bad = new MockHttpServletRequestBuilder[] { get("/fhir/Patient").param("_count", "many"),
				get("/fhir/Patient").param("birthdate", "yesterday"), get("/fhir/Patient").param("colour", "blue"),
				get("/fhir/Patient").param("name", "Nul\u0000l"), get("/fhir/Patient").param("family", "x".repeat(101)),
				get("/fhir/Patient").param("_count", "0"), get("/fhir/Patient").param("_offset", "-1"),
				get("/fhir/ServiceRequest").param("status", "sleeping"),
				post("/fhir/Patient").contentType(JSON).content("{\"resourceType\":\"Patient\""),
				post("/fhir/Patient").contentType(JSON).content("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Q\"}]}"),
				post("/fhir/Patient").contentType(JSON).content(newPatient("Nul\\u0000l", uniqueFamily(), "1933-01-01")),
				post("/fhir/Patient").contentType(JSON).content(newPatient("Old", uniqueFamily(), "1850-01-01")),
				post("/fhir/ServiceRequest").contentType(JSON).content("{\"resourceType\":\"ServiceRequest\"}") };
		for (var request : bad) {
			var answer = call(request);
			assertThat(answer.getStatus()).as(answer.getContentAsString()).isIn(400, 422);
			validJson(OperationOutcome.class, answer.getContentAsString());
		}
	}

	@Test
	void givenAStaffRoleOrNoTokenThenTheRefusalIsAnOperationOutcome() throws Exception {
		var id = registerPatient("Katrin");

		var frontDesk = mvc.perform(get("/fhir/Patient/{id}", id).with(as("frank", "front-desk")).accept(JSON))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")))
			.andReturn()
			.getResponse();
		var anonymous = mvc.perform(get("/fhir/Patient").accept(JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andReturn()
			.getResponse();
		var notListed = mvc.perform(get("/fhir/Practitioner").with(as("ehr-link", "integration")).accept(JSON))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();

		for (var answer : new MockHttpServletResponse[] { frontDesk, anonymous, notListed }) {
			assertThat(answer.getContentType()).startsWith(JSON);
			assertThat(validJson(OperationOutcome.class, answer.getContentAsString()).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		}
		var xml = mvc.perform(get("/fhir/Patient/{id}", id).with(as("frank", "front-desk"))
			.accept("application/fhir+xml")).andExpect(status().isForbidden()).andReturn().getResponse();
		validXml(OperationOutcome.class, xml.getContentAsString());
	}

	@Test
	void givenTheCapabilityStatementThenItIsPublicAndListsExactlyWhatIntakeSupports() throws Exception {
		var answer = mvc.perform(get("/fhir/metadata").accept(JSON)).andExpect(status().isOk()).andReturn()
			.getResponse();

		var statement = validJson(CapabilityStatement.class, answer.getContentAsString());
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(statement.getFormat()).extracting(code -> code.getValue()).contains("json", "xml");
		var server = statement.getRestFirstRep();
		assertThat(server.getResource()).extracting(resource -> resource.getType())
			.containsExactlyInAnyOrder("Patient", "ServiceRequest", "QuestionnaireResponse", "Observation",
					"AuditEvent");
		assertThat(statement.getFormat()).extracting(code -> code.getValue()).doesNotContain("ttl");
		for (var type : new String[] { "Patient", "ServiceRequest" }) {
			var resource = server.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
			assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
				.containsExactlyInAnyOrder("read", "search-type", "create");
		}
		var patientParams = server.getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst()
			.orElseThrow().getSearchParam().stream().map(p -> p.getName()).toList();
		assertThat(patientParams).containsExactlyInAnyOrder("identifier", "name", "family", "given", "birthdate");
		var referrals = server.getResource().stream().filter(r -> r.getType().equals("ServiceRequest")).findFirst()
			.orElseThrow();
		assertThat(referrals.getSearchParam()).extracting(p -> p.getName()).containsExactlyInAnyOrder("patient", "status");
		assertThat(referrals.getSearchInclude()).extracting(i -> i.getValue()).containsExactly("ServiceRequest:patient");
		assertThat(server.getResource()).allSatisfy(r -> assertThat(r.getSearchRevInclude()).isEmpty());
	}

	/** A family name no other test's patient has (letters only, as the helpers' names are). */
	private static String uniqueFamily() {
		var random = ThreadLocalRandom.current();
		var name = new StringBuilder("Fh");
		for (int i = 0; i < 10; i++) {
			name.append((char) ('a' + random.nextInt(26)));
		}
		return name.toString();
	}

	private static String newPatient(String given, String family, String birthDate) {
		return """
				{"resourceType":"Patient",
				 "contained":[{"resourceType":"ServiceRequest","id":"referral","status":"active","intent":"order",
				   "subject":{"reference":"#"},"requester":{"display":"Dr. Franklin"},
				   "reasonCode":[{"coding":[{"system":"%s","code":"ptsd"}]}]}],
				 "name":[{"family":"%s","given":["%s"]}],
				 "birthDate":"%s"}""".formatted(INDICATIONS, family, given, birthDate);
	}
}
