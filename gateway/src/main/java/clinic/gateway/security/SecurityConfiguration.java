package clinic.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;

/**
 * Who may reach what through the gateway, and how a browser signs in and out.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The registration id of Keycloak in {@code spring.security.oauth2.client.registration}. */
	static final String REGISTRATION_ID = "keycloak";

	static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	private static final ServerWebExchangeMatcher API = new PathPatternParserServerWebExchangeMatcher("/api/**");

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository clientRegistrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			@Value("${clinic.gateway.end-session-uri}") String endSessionFallback) {
		// the browser meets Keycloak where the login sends it: the provider's authorization endpoint
		var keycloak = clientRegistrations.findByRegistrationId(REGISTRATION_ID)
			.map(registration -> registration.getProviderDetails().getAuthorizationUri())
			.blockOptional()
			.orElse(endSessionFallback);
		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		http.authorizeExchange(exchanges -> exchanges
			// The actuator lives on the loopback-only management port; on the public port these paths match
			// nothing (404). Permitted so the management port's health check needs no session.
			.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.pathMatchers("/login/**", "/oauth2/**", "/error", "/favicon.ico", "/favicon.svg").permitAll()
			.anyExchange().authenticated())
			.oauth2Login(login -> login.authorizationRequestResolver(pkceAuthorizationRequests(clientRegistrations))
				.authorizedClientRepository(authorizedClients))
			.oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint()))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				// The pages send the raw cookie value back in X-XSRF-TOKEN; Security 7's default XOR handler
				// would expect a masked token and reject it.
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.accessDeniedHandler(csrfRejected()))
			.addFilterAfter(csrfCookieWriter(), SecurityWebFiltersOrder.CSRF)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak))))
			.logout(logout -> logout
				// Deletes the session row (and with it the tokens), beside clearing the context and CSRF cookie.
				.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(rpInitiatedLogout(clientRegistrations, endSessionFallback)));
		return http.build();
	}

	/**
	 * The pages load scripts, styles, images and data from the gateway alone: no inline script, no other origin, no
	 * framing. Forms post to the gateway, whose logout answer sends the browser on to Keycloak (a form's redirect
	 * counts as its target), so Keycloak's origin may be a form's destination too.
	 */
	static String contentSecurityPolicy(String keycloakUrl) {
		var keycloak = java.net.URI.create(keycloakUrl);
		var origin = keycloak.getScheme() + "://" + keycloak.getAuthority();
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
				+ "form-action 'self' " + origin;
	}

	/**
	 * Tokens live in the web session, which Spring Session keeps in PostgreSQL, so any gateway instance can relay
	 * them (the default keeps them in one instance's memory).
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	/**
	 * Used by {@code TokenRelay=}. It hands out the stored access token while it is valid and uses the refresh token
	 * only once the access token is within the provider's clock skew (60 s) of expiring, saving the new tokens back
	 * into the session.
	 */
	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
			ReactiveClientRegistrationRepository clientRegistrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		var manager = new DefaultReactiveOAuth2AuthorizedClientManager(clientRegistrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken()
			.build());
		return manager;
	}

	@Bean
	ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		return new KeycloakOidcUserService();
	}

	/**
	 * Spring Security adds PKCE by itself only for public clients; the gateway is a confidential client and uses
	 * it as well (the Keycloak client requires S256).
	 */
	private static ServerOAuth2AuthorizationRequestResolver pkceAuthorizationRequests(
			ReactiveClientRegistrationRepository clientRegistrations) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clientRegistrations);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	/** A page without a session goes to the Keycloak login; an API call gets a 401 the page can act on. */
	private static ServerAuthenticationEntryPoint entryPoint() {
		var entryPoint = new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(API,
				(exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Not signed in",
						"Sign in to use the clinic's services.")));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_PATH));
		return entryPoint;
	}

	private static ServerAccessDeniedHandler csrfRejected() {
		return (exchange, denied) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "CSRF token missing",
				"Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header; reload the page if it persists.");
	}

	/**
	 * The CSRF token is loaded lazily: without a subscriber the XSRF-TOKEN cookie is never written and the pages
	 * would have nothing to echo.
	 */
	private static WebFilter csrfCookieWriter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
		};
	}

	/** Ends the Keycloak session too, then Keycloak sends the browser back to the gateway's home page. */
	static OidcClientInitiatedServerLogoutSuccessHandler rpInitiatedLogout(
			ReactiveClientRegistrationRepository clientRegistrations, String endSessionFallback) {
		var handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				new EndSessionEndpointFallback(clientRegistrations, endSessionFallback));
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

}
