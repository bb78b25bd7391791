package clinic.gateway.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * Refuses a change (POST, PUT, PATCH, DELETE) that a browser sends from another site's page, whatever token it
 * carries: a second line behind the CSRF token, as OWASP recommends. The browser says where the page came from in
 * {@code Origin} (or, failing that, {@code Referer}); it must be the gateway's public origin. That origin is
 * {@code clinic.gateway.public-origin} when set, else the one the request was addressed to, as a proxy's
 * {@code Forwarded} or {@code X-Forwarded-*} headers tell it (a page on another site cannot set those: they are not
 * CORS-safelisted).
 * <p>
 * A request with neither header is not a browser's cross-site request (every browser sends {@code Origin} on a
 * cross-origin change), so the clinic's own scripts and clients pass here and still need the CSRF token.
 */
final class SameOriginMutations implements WebFilter {

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private final Optional<Origin> publicOrigin;

	/** @param publicOrigin the gateway's origin as browsers see it, or empty to take it from each request */
	SameOriginMutations(String publicOrigin) {
		this.publicOrigin = StringUtils.hasText(publicOrigin) ? Optional.of(Origin.parse(publicOrigin)
			.orElseThrow(() -> new IllegalArgumentException("clinic.gateway.public-origin is not an origin: "
					+ publicOrigin))) : Optional.empty();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (SAFE.contains(request.getMethod())) {
			return chain.filter(exchange);
		}
		String claimed = claimedOrigin(request.getHeaders());
		if (claimed == null) {
			return chain.filter(exchange);
		}
		Optional<Origin> allowed = allowed(request);
		if (allowed.isEmpty()) {
			return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Cross-origin request refused",
					"The address this change was sent to cannot be told from its forwarded headers.");
		}
		if (Origin.parse(claimed).filter(origin -> origin.equals(allowed.get())).isPresent()) {
			return chain.filter(exchange);
		}
		return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Cross-origin request refused",
				"Changes can only be made from the clinic's own pages.");
	}

	/** What the browser says the page's origin is; {@code null} when it says nothing. */
	private static String claimedOrigin(HttpHeaders headers) {
		String origin = headers.getOrigin();
		if (origin != null) {
			return origin;
		}
		return headers.getFirst(HttpHeaders.REFERER);
	}

	/**
	 * The gateway's public origin, else the one the request was addressed to; empty when forwarded headers make no
	 * origin of it (a port that is not a number, a host that is not one): such a change is refused, not a 500.
	 */
	private Optional<Origin> allowed(ServerHttpRequest request) {
		if (this.publicOrigin.isPresent()) {
			return this.publicOrigin;
		}
		try {
			return Origin.of(ForwardedHeaderUtils.adaptFromForwardedHeaders(request.getURI(), request.getHeaders())
				.build()
				.toUri());
		}
		catch (IllegalArgumentException | IllegalStateException malformed) {
			return Optional.empty();
		}
	}

	/** Scheme, host and port, compared as browsers do (case-insensitive names, default ports filled in). */
	record Origin(String scheme, String host, int port) {

		/** An origin ({@code https://clinic.example}) or a URL whose origin is taken; empty for {@code null}. */
		static Optional<Origin> parse(String value) {
			try {
				return of(new URI(value.trim()));
			}
			catch (java.net.URISyntaxException ex) {
				return Optional.empty();
			}
		}

		static Optional<Origin> of(URI uri) {
			if (uri.getScheme() == null || uri.getHost() == null) {
				return Optional.empty();
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
			return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
		}

	}

}
