package clinic.gateway.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a SMART Backend Services client reads before asking for a token, without one: the discovery document at
 * {@code /fhir/.well-known/smart-configuration} and the CapabilityStatement's security, both naming the same token
 * endpoint, client credentials and the signed-JWT client authentication SMART asks for.
 */
class SmartDiscoveryTest extends GatewayTest {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SuiteCapabilities capabilities;

	@Autowired
	private SmartSettings settings;

	private WebTestClient client;

	@BeforeEach
	void bindClient() {
		this.client = WebTestClient.bindToApplicationContext(this.context).configureClient().build();
		this.capabilities.forget();
	}

	@Test
	void givenNoTokenThenTheDiscoveryDocumentSaysWhereAndHowToGetOne() {
		var body = this.client.get()
			.uri("/fhir/.well-known/smart-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/json")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		var document = JsonMapper.builder().build().readTree(body);
		assertThat(document.get("token_endpoint").asString()).isEqualTo(this.settings.tokenEndpoint().toString())
			.endsWith("/protocol/openid-connect/token");
		assertThat(document.get("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
		assertThat(document.get("token_endpoint_auth_methods_supported").toString()).contains("\"private_key_jwt\"");
		assertThat(document.get("token_endpoint_auth_signing_alg_values_supported").toString()).contains("\"RS384\"");
		assertThat(document.get("capabilities").toString()).contains("\"client-confidential-asymmetric\"",
				"\"permission-v2\"");
	}

	@Test
	void givenTheCapabilityStatementThenItsSecurityIsSmartWithTheSameTokenEndpoint() {
		FhirMetadataTest.serves(TestInfrastructure.INTAKE.url(), "intake", "Patient");
		FhirMetadataTest.serves(TestInfrastructure.SCHEDULING.url(), "scheduling", "Appointment");
		FhirMetadataTest.serves(TestInfrastructure.SESSION.url(), "session", "Encounter");

		var statement = validJson(CapabilityStatement.class, this.client.get()
			.uri("/fhir/metadata")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		var security = statement.getRestFirstRep().getSecurity();
		assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
		var token = security
			.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
			.getExtensionByUrl("token");
		assertThat(((UriType) token.getValue()).getValue()).isEqualTo(this.settings.tokenEndpoint().toString());
	}
}
