package clinic.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Hands the page its CSRF token. The token itself stays in the server-side session; the page gets a masked copy
 * (Spring Security's XOR masking, fresh random bytes on every response) in the readable {@code XSRF-TOKEN} cookie and
 * echoes it in {@code X-XSRF-TOKEN}. Every masked copy unmasks to the session's token, so any recent cookie value is
 * accepted, while a value an attacker made up (or took from their own session) is not; and since the value differs
 * on every response, a compression side channel (BREACH) has no fixed secret to guess.
 * <p>
 * Only a signed-in user gets a token: an anonymous request creates no token and so no session row.
 */
final class MaskedCsrfCookie implements WebFilter {

	static final String COOKIE_NAME = "XSRF-TOKEN";

	private final boolean secure;

	MaskedCsrfCookie(boolean secure) {
		this.secure = secure;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(MaskedCsrfCookie::signedIn)
			.flatMap(signedIn -> maskedToken(exchange))
			.doOnNext(token -> exchange.getResponse().addCookie(cookie(token.getToken())))
			.then(chain.filter(exchange));
	}

	/** The token the CSRF filter exposes: loaded from the session (created and saved there once), then masked. */
	private static Mono<CsrfToken> maskedToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

	private ResponseCookie cookie(String maskedToken) {
		return ResponseCookie.from(COOKIE_NAME, maskedToken)
			.path("/")
			.httpOnly(false)
			.secure(this.secure)
			.sameSite("Lax")
			.build();
	}

	private static boolean signedIn(Authentication authentication) {
		return authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
	}

}
