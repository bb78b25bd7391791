package clinic.gateway.security;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Gives logout an end-session endpoint when the provider has no discovery document. With {@code issuer-uri} the
 * endpoint comes from discovery and is kept; a provider configured with explicit endpoints (docker-compose.yml does
 * this, because the browser and the gateway reach Keycloak at different addresses) has none, and logout would then
 * end only the gateway's session while Keycloak would sign the user straight back in. The gateway calls the
 * endpoint itself ({@link KeycloakSessionLogout}), so the configured one is an address the gateway can reach.
 */
final class EndSessionEndpointFallback implements ReactiveClientRegistrationRepository {

	static final String END_SESSION_ENDPOINT = "end_session_endpoint";

	private final ReactiveClientRegistrationRepository registrations;

	private final String endSessionUri;

	EndSessionEndpointFallback(ReactiveClientRegistrationRepository registrations, String endSessionUri) {
		this.registrations = registrations;
		this.endSessionUri = endSessionUri;
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return this.registrations.findByRegistrationId(registrationId).map(this::withEndSessionEndpoint);
	}

	private ClientRegistration withEndSessionEndpoint(ClientRegistration registration) {
		Map<String, Object> metadata = registration.getProviderDetails().getConfigurationMetadata();
		if (metadata.get(END_SESSION_ENDPOINT) != null) {
			return registration;
		}
		Map<String, Object> completed = new HashMap<>(metadata);
		completed.put(END_SESSION_ENDPOINT, this.endSessionUri);
		return ClientRegistration.withClientRegistration(registration).providerConfigurationMetadata(completed).build();
	}

}
