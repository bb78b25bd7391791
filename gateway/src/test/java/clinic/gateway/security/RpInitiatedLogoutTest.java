package clinic.gateway.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.server.WebFilterExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Logout sends the browser to Keycloak's end-session endpoint, discovered or, failing that, configured. */
class RpInitiatedLogoutTest {

	private static final String FALLBACK = "http://localhost:8180/realms/clinic/protocol/openid-connect/logout";

	@Test
	void givenNoDiscoveredEndpointWhenLoggingOutThenTheConfiguredOneIsUsed() {
		URI location = logoutWith(registration(Map.of()));

		assertThat(location.toString()).startsWith(FALLBACK + "?");
		assertThat(decodedQuery(location)).contains("id_token_hint=id-token-value",
				"post_logout_redirect_uri=https://clinic.example/");
	}

	@Test
	void givenADiscoveredEndpointWhenLoggingOutThenItIsKept() {
		URI location = logoutWith(
				registration(Map.of("end_session_endpoint", "https://sso.example/realms/clinic/logout")));

		assertThat(location.toString()).startsWith("https://sso.example/realms/clinic/logout?");
	}

	private static URI logoutWith(ClientRegistration registration) {
		var handler = SecurityConfiguration
			.rpInitiatedLogout(new InMemoryReactiveClientRegistrationRepository(registration), FALLBACK);
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("https://clinic.example/logout"));
		var idToken = new OidcIdToken("id-token-value", Instant.now(), Instant.now().plusSeconds(300),
				Map.of("sub", "u1", "preferred_username", "nurse"));
		var authentication = new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), idToken), List.of(),
				registration.getRegistrationId());

		handler.onLogoutSuccess(new WebFilterExchange(exchange, ex -> Mono.empty()), authentication).block();

		return exchange.getResponse().getHeaders().getLocation();
	}

	private static ClientRegistration registration(Map<String, Object> metadata) {
		return ClientRegistration.withRegistrationId("keycloak")
			.clientId("clinic-gateway")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.authorizationUri("http://localhost:8180/realms/clinic/protocol/openid-connect/auth")
			.tokenUri("http://keycloak:8080/realms/clinic/protocol/openid-connect/token")
			.jwkSetUri("http://keycloak:8080/realms/clinic/protocol/openid-connect/certs")
			.providerConfigurationMetadata(metadata)
			.build();
	}

	private static String decodedQuery(URI location) {
		return URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8);
	}

}
