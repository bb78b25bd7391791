package clinic.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * When {@code TokenRelay} cannot get an access token (the refresh token expired or Keycloak ended the session), the
 * browser's session is useless: end it and answer 401, so the page's next load signs the user in again instead of a
 * 500 or a loop of 401s on a session that still looks signed in.
 */
@Component
class ExpiredAuthorizationWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume(ClientAuthorizationException.class, ex -> exchange.getSession()
				.flatMap(WebSession::invalidate)
				.then(ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Sign-in expired",
						"Your sign-in has expired. Reload the page to sign in again.")));
	}

}
