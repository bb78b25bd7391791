package clinic.gateway.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;

/** Logout ends the Keycloak session at the end-session endpoint, discovered or, failing that, configured. */
class EndSessionEndpointFallbackTest {

	private static final String FALLBACK = "http://keycloak:8080/realms/clinic/protocol/openid-connect/logout";

	@Test
	void givenNoDiscoveredEndpointWhenLookedUpThenTheConfiguredOneIsGiven() {
		assertThat(endSessionEndpointOf(registration(Map.of()))).isEqualTo(FALLBACK);
	}

	@Test
	void givenADiscoveredEndpointWhenLookedUpThenItIsKept() {
		var discovered = "https://sso.example/realms/clinic/protocol/openid-connect/logout";

		assertThat(endSessionEndpointOf(registration(Map.of("end_session_endpoint", discovered))))
			.isEqualTo(discovered);
	}

	private static Object endSessionEndpointOf(ClientRegistration registration) {
		var completed = new EndSessionEndpointFallback(new InMemoryReactiveClientRegistrationRepository(registration),
				FALLBACK)
			.findByRegistrationId("keycloak")
			.block();
		assertThat(completed).isNotNull();
		assertThat(completed.getClientSecret()).isEqualTo("secret");
		return completed.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
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

}
