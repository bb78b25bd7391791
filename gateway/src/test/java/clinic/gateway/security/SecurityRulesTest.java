package clinic.gateway.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.RecordingService.Received;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * What a browser meets at the gateway's door, with the login mocked: the full Keycloak-style login is in
 * {@code LoginFlowTest}.
 */
class SecurityRulesTest extends GatewayTest {

	private static final String PATIENT = """
			{"givenName":"Ada","familyName":"Lovelace","birthDate":"1985-12-10","phone":"+41 44 000 00 00",
			 "referral":{"referringClinician":"Dr. Who","reason":"TRD","indication":"TREATMENT_RESISTANT_DEPRESSION"}}""";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ReactiveClientRegistrationRepository clientRegistrations;

	private WebTestClient client;

	@BeforeEach
	void bindClient() {
		this.client = WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build();
	}

	@Test
	void apiCallWithoutSessionIsUnauthorizedNotRedirected() {
		this.client.get()
			.uri("/api/intake/patients")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
	}

	@Test
	void aSignedInPageIsServedWithAStrictContentSecurityPolicyAndTheBuiltTodayPageIsThere() {
		var page = this.client.mutateWith(frontDesk())
			.get()
			.uri("/today.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		var policy = page.getResponseHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
				"frame-ancestors 'none'", "object-src 'none'");
		assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
		// a form may post to the gateway and be sent on to Keycloak (logout), nowhere else
		var keycloak = URI.create(TestInfrastructure.KEYCLOAK.authorizationUri());
		assertThat(policy).contains("form-action 'self' " + keycloak.getScheme() + "://" + keycloak.getAuthority());
		assertThat(page.getResponseBody()).contains("<div id=\"app\"></div>", "/assets/today-");
	}

	@Test
	void anUnknownPageIsAFriendly404NotSpringsWhitelabelPage() {
		var page = this.client.mutateWith(frontDesk())
			.get()
			.uri("/no-such-page.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("This page does not exist", "Back to today's chairs").doesNotContain("Whitelabel");
	}

	@Test
	void gatewaysOwnApiWithoutSessionIsUnauthorized() {
		this.client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void pageWithoutSessionRedirectsToKeycloakLogin() {
		this.client.get()
			.uri("/patients.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/keycloak");
	}

	@Test
	void loginRedirectAsksKeycloakForCodeWithPkceAndOpenIdScopes() {
		URI location = this.client.get()
			.uri("/oauth2/authorization/keycloak")
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();
		assertThat(location).isNotNull();
		assertThat(location.toString()).startsWith(TestInfrastructure.KEYCLOAK.authorizationUri());
		assertThat(location.getQuery()).contains("response_type=code", "client_id=clinic-gateway",
				"code_challenge_method=S256", "code_challenge=", "nonce=", "state=",
				"redirect_uri=");
		assertThat(location.getQuery()).containsPattern("redirect_uri=[^&]*/login/oauth2/code/keycloak(&|$)");
		assertThat(location.getQuery()).containsPattern("scope=openid[ +]profile[ +]email");
	}

	@Test
	void mutationWithSessionButWithoutCsrfTokenIsForbidden() {
		this.client.mutateWith(frontDesk())
			.post()
			.uri("/api/intake/patients")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PATIENT)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
	}

	@Test
	void mutationWithCsrfIsForwardedWithBearerTokenAndWithoutBrowserCookies() {
		this.client.mutateWith(frontDesk())
			.mutateWith(csrf())
			.post()
			.uri("/api/intake/patients")
			.cookie("SESSION", "browser-session-id")
			.cookie("XSRF-TOKEN", "browser-csrf-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PATIENT)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("intake");

		Received forwarded = TestInfrastructure.INTAKE.last();
		assertThat(forwarded.method()).isEqualTo("POST");
		assertThat(forwarded.path()).isEqualTo("/api/intake/patients");
		assertThat(forwarded.header("Authorization")).containsExactly("Bearer access-token");
		assertThat(forwarded.header("Cookie")).isEmpty();
		assertThat(forwarded.body()).isEqualTo(PATIENT);
	}

	@Test
	void theMaskedCsrfCookieEchoedInTheHeaderIsAcceptedWithinItsSession() {
		WebTestClient signedIn = this.client.mutateWith(frontDesk());
		var cookies = signedIn.get()
			.uri("/patients.html")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies();
		ResponseCookie xsrf = cookies.getFirst("XSRF-TOKEN");
		ResponseCookie session = cookies.getFirst("SESSION");
		assertThat(xsrf).isNotNull();
		assertThat(session).as("the token is kept in the session").isNotNull();
		assertThat(xsrf.isHttpOnly()).as("the page's script must read it").isFalse();

		signedIn.post()
			.uri("/api/scheduling/courses/c1/appointments")
			.cookie("SESSION", session.getValue())
			.cookie("XSRF-TOKEN", xsrf.getValue())
			.header("X-XSRF-TOKEN", xsrf.getValue())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"chairId\":\"chair-1\",\"start\":\"2030-01-07T09:00:00Z\"}")
			.exchange()
			.expectStatus()
			.isCreated();

		Received forwarded = TestInfrastructure.SCHEDULING.last();
		assertThat(forwarded.path()).isEqualTo("/api/scheduling/courses/c1/appointments");
		assertThat(forwarded.header("Cookie")).isEmpty();
		assertThat(forwarded.header("X-XSRF-TOKEN")).isEmpty();
	}

	@Test
	void theSameCookieWithoutItsSessionIsRefused() {
		WebTestClient signedIn = this.client.mutateWith(frontDesk());
		ResponseCookie xsrf = signedIn.get()
			.uri("/patients.html")
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		assertThat(xsrf).isNotNull();

		signedIn.post()
			.uri("/api/scheduling/courses/c1/appointments")
			.cookie("XSRF-TOKEN", xsrf.getValue())
			.header("X-XSRF-TOKEN", xsrf.getValue())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestInfrastructure.SCHEDULING.received()).isEmpty();
	}

	@Test
	void meReturnsTheUsersRealmRoles() {
		this.client.mutateWith(mockOidcLogin().clientRegistration(keycloak())
			.idToken(token -> token.claim("preferred_username", "clinician").claim("name", "Casey Clinician"))
			.authorities(new SimpleGrantedAuthority("ROLE_clinician"), new SimpleGrantedAuthority("ROLE_admin"),
					new SimpleGrantedAuthority("SCOPE_openid")))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo("clinician")
			.jsonPath("$.name")
			.isEqualTo("Casey Clinician")
			.jsonPath("$.roles")
			.isEqualTo(List.of("admin", "clinician"));
	}

	@Test
	void actuatorIsNotServedOnThePublicPort() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		this.client.mutateWith(frontDesk()).get().uri("/actuator").exchange().expectStatus().isNotFound();
		this.client.mutateWith(frontDesk()).get().uri("/actuator/env").exchange().expectStatus().isNotFound();
	}

	@Test
	void unknownApiPathIsNotFound() {
		this.client.mutateWith(frontDesk())
			.get()
			.uri("/api/billing/invoices")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private OidcLoginMutator frontDesk() {
		return mockOidcLogin().clientRegistration(keycloak())
			.idToken(token -> token.claims(claims -> claims.putAll(Map.of("preferred_username", "frontdesk"))))
			.authorities(new SimpleGrantedAuthority("ROLE_front-desk"));
	}

	private ClientRegistration keycloak() {
		ClientRegistration registration = this.clientRegistrations.findByRegistrationId("keycloak").block();
		assertThat(registration).isNotNull();
		return registration;
	}

}
