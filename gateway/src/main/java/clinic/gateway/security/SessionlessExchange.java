package clinic.gateway.security;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import reactor.core.publisher.Mono;

/**
 * A call that has no business with sessions (another system's FHIR call with its own token) gets a session of its
 * own that is never stored: the routes' {@code SaveSession} would otherwise write a new, empty session row for every
 * such call, and the browser's session is not looked up at all.
 */
final class SessionlessExchange implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// an unstarted in-memory session: saving it without attributes keeps nothing
		var none = new InMemoryWebSessionStore().createWebSession().cache();
		return chain.filter(new ServerWebExchangeDecorator(exchange) {

			@Override
			public Mono<WebSession> getSession() {
				return none;
			}
		});
	}
}
