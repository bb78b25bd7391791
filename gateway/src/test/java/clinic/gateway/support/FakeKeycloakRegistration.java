package clinic.gateway.support;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The production client registration from application.yml (client id, secret, scopes, grant, redirect URI,
 * user-name attribute), with only the provider replaced: explicit endpoints of the {@link FakeKeycloak} instead of
 * {@code issuer-uri}, so no discovery is needed at start-up. The issuer is kept, so the ID token's {@code iss} is
 * still checked, and the end-session endpoint is given as discovery would give it, for logout.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeKeycloakRegistration {

	@Bean
	ReactiveClientRegistrationRepository clientRegistrationRepository(Environment environment) {
		FakeKeycloak keycloak = TestInfrastructure.KEYCLOAK;
		OAuth2ClientProperties properties = Binder.get(environment)
			.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
			.get();
		OAuth2ClientProperties.Provider provider = properties.getProvider().get("keycloak");
		provider.setIssuerUri(null);
		provider.setAuthorizationUri(keycloak.authorizationUri());
		provider.setTokenUri(keycloak.tokenUri());
		provider.setJwkSetUri(keycloak.jwkSetUri());
		provider.setUserInfoUri(keycloak.userInfoUri());
		ClientRegistration fromProperties = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
			.get("keycloak");
		ClientRegistration registration = ClientRegistration.withClientRegistration(fromProperties)
			.issuerUri(keycloak.issuer())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endSessionUri()))
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

}
