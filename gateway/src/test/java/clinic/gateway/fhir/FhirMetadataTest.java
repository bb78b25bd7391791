package clinic.gateway.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static clinic.contracts.test.FhirValidation.validXml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import clinic.contracts.test.FhirValidation;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;

/**
 * The gateway answers {@code /fhir/metadata} itself: the FHIR-serving services' own CapabilityStatements, their
 * resources listed together and nothing else, in JSON or XML, kept briefly; 503 as an OperationOutcome when a service
 * cannot say what it supports.
 */
class FhirMetadataTest extends GatewayTest {

	private static final String FHIR_JSON = "application/fhir+json";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SuiteCapabilities capabilities;

	private WebTestClient client;

	@BeforeEach
	void bindClientAndForgetTheKeptStatement() {
		this.client = WebTestClient.bindToApplicationContext(this.context).configureClient().build();
		this.capabilities.forget();
	}

	@Test
	void givenTheServicesStatementsThenTheSuitesListsExactlyTheirResourcesWithTheirInteractions() {
		serves(TestInfrastructure.INTAKE.url(), "intake", "Patient", "ServiceRequest");
		serves(TestInfrastructure.SCHEDULING.url(), "scheduling", "Location", "Schedule", "Appointment");
		serves(TestInfrastructure.SESSION.url(), "session", "Encounter", "Observation", "MedicationAdministration",
				"AdverseEvent");

		var answer = this.client.get()
			.uri("/fhir/metadata")
			.header("Accept", FHIR_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(FHIR_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		var statement = validJson(CapabilityStatement.class, answer);
		assertThat(statement.getFhirVersion()).isEqualTo(Enumerations.FHIRVersion._4_0_1);
		var resources = statement.getRestFirstRep().getResource();
		assertThat(resources).extracting(CapabilityStatementRestResourceComponent::getType)
			.containsExactly("AdverseEvent", "Appointment", "Encounter", "Location", "MedicationAdministration",
					"Observation", "Patient", "Schedule", "ServiceRequest");
		assertThat(resources).filteredOn(r -> r.getType().equals("Appointment"))
			.singleElement()
			.satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName())
				.containsExactly("scheduling-param"));
		assertThat(resources).filteredOn(r -> r.getType().equals("Patient"))
			.singleElement()
			.satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName())
				.containsExactly("intake-param"));
		assertThat(resources).filteredOn(r -> r.getType().equals("Encounter"))
			.singleElement()
			.satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName())
				.containsExactly("session-param"));
		assertThat(TestInfrastructure.INTAKE.last().path()).isEqualTo("/fhir/metadata");
		assertThat(TestInfrastructure.SCHEDULING.last().path()).isEqualTo("/fhir/metadata");
		assertThat(TestInfrastructure.SESSION.last().path()).isEqualTo("/fhir/metadata");
	}

	@Test
	void givenASecondAskWithinTheCacheTimeThenTheServicesAreNotAskedAgainAndXmlIsServed() {
		serves(TestInfrastructure.INTAKE.url(), "intake", "Patient");
		serves(TestInfrastructure.SCHEDULING.url(), "scheduling", "Appointment");
		serves(TestInfrastructure.SESSION.url(), "session", "Encounter");
		this.client.get().uri("/fhir/metadata").exchange().expectStatus().isOk();

		var xml = this.client.get()
			.uri("/fhir/metadata?_format=xml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/fhir+xml")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(validXml(CapabilityStatement.class, xml).getRestFirstRep().getResource())
			.extracting(CapabilityStatementRestResourceComponent::getType)
			.containsExactly("Appointment", "Encounter", "Patient");
		assertThat(TestInfrastructure.INTAKE.received()).hasSize(1);
		assertThat(TestInfrastructure.SCHEDULING.received()).hasSize(1);
		assertThat(TestInfrastructure.SESSION.received()).hasSize(1);
	}

	@Test
	void givenAServiceThatCannotSayWhatItSupportsThen503AsAnOperationOutcome() {
		serves(TestInfrastructure.INTAKE.url(), "intake", "Patient");
		serves(TestInfrastructure.SESSION.url(), "session", "Encounter");
		TestInfrastructure.SCHEDULING.answers("/fhir/metadata", 503, "application/json", "{}");

		var answer = this.client.get()
			.uri("/fhir/metadata")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(FHIR_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(validJson(OperationOutcome.class, answer).getIssueFirstRep().getCode())
			.isEqualTo(OperationOutcome.IssueType.TRANSIENT);

		serves(TestInfrastructure.SCHEDULING.url(), "scheduling", "Appointment");
		// a failure is not kept: the next request asks again
		this.client.get().uri("/fhir/metadata").exchange().expectStatus().isOk();
	}

	/** The stand-in at {@code url} answers its metadata with a statement of these resources (read, search). */
	static void serves(String url, String service, String... types) {
		var statement = new CapabilityStatement();
		statement.setStatus(Enumerations.PublicationStatus.ACTIVE)
			.setDate(new Date())
			.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
			.setFhirVersion(Enumerations.FHIRVersion._4_0_1)
			.setPublisher("Ketamine clinic");
		statement.addFormat("json");
		statement.addFormat("xml");
		statement.getSoftware().setName("Ketamine clinic " + service);
		statement.getImplementation().setDescription(service).setUrl(url + "/fhir");
		var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
		for (var type : types) {
			var resource = rest.addResource().setType(type);
			resource.addInteraction().setCode(TypeRestfulInteraction.READ);
			resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
			resource.addSearchParam().setName(service + "-param").setType(Enumerations.SearchParamType.TOKEN);
		}
		var stand = url.equals(TestInfrastructure.INTAKE.url()) ? TestInfrastructure.INTAKE
				: url.equals(TestInfrastructure.SESSION.url()) ? TestInfrastructure.SESSION : TestInfrastructure.SCHEDULING;
		stand.answers("/fhir/metadata", 200, FHIR_JSON,
				FhirValidation.R4.newJsonParser().encodeResourceToString(statement));
	}
}
