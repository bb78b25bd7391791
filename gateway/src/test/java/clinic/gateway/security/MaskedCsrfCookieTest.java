package clinic.gateway.security;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSRF cookie's filter with the security contexts a request may carry. */
class MaskedCsrfCookieTest {

	@Test
	void aSecurityContextWithoutAnAuthenticationGetsNoCookieAndPassesOn() {
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/patients.html"));
		var passedOn = new boolean[1];
		WebFilterChain chain = filtered -> {
			passedOn[0] = true;
			return Mono.empty();
		};

		new MaskedCsrfCookie(false).filter(exchange, chain)
			.contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(new SecurityContextImpl())))
			.block();

		assertThat(passedOn[0]).isTrue();
		assertThat(exchange.getResponse().getCookies()).doesNotContainKey(MaskedCsrfCookie.COOKIE_NAME);
	}

}
