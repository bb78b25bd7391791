package clinic.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Ends the user's Keycloak session from the server, so that logout puts nothing in the browser's address bar: the
 * gateway posts the session's refresh token with its own client credentials to Keycloak's logout endpoint (the
 * discovered {@code end_session_endpoint}, or {@code clinic.gateway.end-session-uri}), as Keycloak documents for a
 * confidential client. The earlier RP-initiated redirect carried the ID token in the URL, where it lands in the
 * browser's history and in proxies' logs.
 * <p>
 * It runs before the session is deleted (it needs the tokens kept there). If Keycloak cannot be reached or refuses, or
 * the session holds no refresh token to end it with, the gateway's session still ends and a warning is logged: the
 * user is signed out here either way, but Keycloak's single sign-on may let the next login in without a password.
 */
final class KeycloakSessionLogout implements ServerLogoutHandler {

	private static final Log logger = LogFactory.getLog(KeycloakSessionLogout.class);

	private static final Duration KEYCLOAK_ANSWER_WITHIN = Duration.ofSeconds(5);

	private final ReactiveClientRegistrationRepository clientRegistrations;

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final WebClient keycloak;

	/** @param clientRegistrations registrations whose metadata name the end-session endpoint */
	KeycloakSessionLogout(ReactiveClientRegistrationRepository clientRegistrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, WebClient keycloak) {
		this.clientRegistrations = clientRegistrations;
		this.authorizedClients = authorizedClients;
		this.keycloak = keycloak;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken login)) {
			return Mono.empty();
		}
		String registrationId = login.getAuthorizedClientRegistrationId();
		return this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId, authentication, exchange.getExchange())
			.filter(client -> client.getRefreshToken() != null)
			.zipWith(this.clientRegistrations.findByRegistrationId(registrationId))
			.switchIfEmpty(Mono.fromRunnable(() -> logger.warn("No refresh token or no registration '"
					+ registrationId + "' in the session of " + authentication.getName()
					+ " at logout: its Keycloak session is not ended and lives on until it expires; the gateway's"
					+ " session is ended all the same")))
			.flatMap(clientAndRegistration -> endKeycloakSession(clientAndRegistration.getT2(),
					clientAndRegistration.getT1().getRefreshToken().getTokenValue()))
			.timeout(KEYCLOAK_ANSWER_WITHIN)
			.onErrorResume(ex -> {
				logger.warn("Keycloak did not end the session of " + authentication.getName()
						+ " at logout; the gateway's session is ended all the same: " + ex);
				return Mono.empty();
			});
	}

	private Mono<Void> endKeycloakSession(ClientRegistration registration, String refreshToken) {
		Object endpoint = registration.getProviderDetails()
			.getConfigurationMetadata()
			.get(EndSessionEndpointFallback.END_SESSION_ENDPOINT);
		if (endpoint == null) {
			return Mono.error(new IllegalStateException("no end-session endpoint for " + registration.getRegistrationId()));
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", registration.getClientId());
		form.add("refresh_token", refreshToken);
		boolean secretInBody = ClientAuthenticationMethod.CLIENT_SECRET_POST
			.equals(registration.getClientAuthenticationMethod());
		if (secretInBody) {
			form.add("client_secret", registration.getClientSecret());
		}
		return this.keycloak.post()
			.uri(endpoint.toString())
			.headers(headers -> {
				if (!secretInBody) {
					// RFC 6749 2.3.1: id and secret are form-encoded before they are put into Basic credentials
					headers.setBasicAuth(formEncoded(registration.getClientId()),
							formEncoded(registration.getClientSecret()));
				}
			})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
