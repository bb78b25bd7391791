package clinic.gateway.security;

import java.util.Map;

import clinic.gateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The gateway's own 404 and 405 are problem documents like every other refusal, not Spring Boot's JSON error map (its
 * {@code timestamp}, {@code path}, {@code requestId}).
 */
class ErrorProblemsTest extends GatewayTest {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ReactiveClientRegistrationRepository clientRegistrations;

	private WebTestClient signedIn;

	@BeforeEach
	void signIn() {
		this.signedIn = WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build()
			.mutateWith(frontDesk());
	}

	@Test
	void givenAnAddressNothingIsServedAt_whenRequested_thenA404ProblemDocument() {
		for (var address : new String[] { "/no-such-page.html", "/api/nowhere/patients", "/actuator" }) {
			this.signedIn.get()
				.uri(address)
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(404)
				.jsonPath("$.detail")
				.isEqualTo("There is nothing at this address.")
				.jsonPath("$.path")
				.doesNotExist();
		}
	}

	@Test
	void givenAFhirPathNothingIsServedAt_whenRequested_thenA404OperationOutcome() {
		WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build()
			.get()
			.uri("/fhir/Practitioner?name=house") // a type no service serves
			.accept(MediaType.parseMediaType("application/fhir+json"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/fhir+json"))
			.expectBody()
			.jsonPath("$.resourceType")
			.isEqualTo("OperationOutcome")
			.jsonPath("$.issue[0].severity")
			.isEqualTo("error")
			.jsonPath("$.issue[0].code")
			.isEqualTo("not-found");
	}

	@Test
	void givenAMethodTheAddressDoesNotTake_whenSent_thenA405ProblemDocumentWithAllow() {
		this.signedIn.mutateWith(csrf())
			.method(HttpMethod.DELETE)
			.uri("/api/me")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Allow", "GET")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(405);
	}

	private OidcLoginMutator frontDesk() {
		return mockOidcLogin().clientRegistration(this.clientRegistrations.findByRegistrationId("keycloak").block())
			.idToken(token -> token.claims(claims -> claims.putAll(Map.of("preferred_username", "frontdesk"))))
			.authorities(new SimpleGrantedAuthority("ROLE_front-desk"));
	}

}
