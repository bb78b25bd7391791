package clinic.gateway.security;

import java.net.URI;

import clinic.contracts.Roles;
import clinic.gateway.audit.GatewayAuditController;
import clinic.gateway.clients.IntegrationClientsController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
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
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Who may reach what through the gateway, how a browser signs in and out, and how its changes are checked (same
 * origin, CSRF token bound to the session).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The registration id of Keycloak in {@code spring.security.oauth2.client.registration}. */
	static final String REGISTRATION_ID = "keycloak";

	static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	private static final ServerWebExchangeMatcher API = new PathPatternParserServerWebExchangeMatcher("/api/**");

	/**
	 * FHIR (intake's {@code /fhir}) is for other systems, which send their own bearer token: the gateway passes the
	 * call on as sent and intake, a resource server, checks the token and the role as for its API. No session is read
	 * or made for these paths, so a browser's session never lends its token to a FHIR call (TokenRelay= finds no
	 * signed-in user, and the Cookie header is not passed on): without ambient credentials there is nothing for a
	 * forged cross-site request to use, and no CSRF token is asked for.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain fhirWebFilterChain(ServerHttpSecurity http) {
		http.securityMatcher(new PathPatternParserServerWebExchangeMatcher("/fhir/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(new SessionlessExchange(), SecurityWebFiltersOrder.FIRST);
		return http.build();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository clientRegistrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			@Value("${clinic.gateway.end-session-uri}") String endSessionFallback,
			@Value("${clinic.gateway.public-origin:}") String publicOrigin,
			@Value("${server.reactive.session.cookie.secure:false}") boolean secureCookies) {
		// the browser meets Keycloak where the login sends it: the provider's authorization endpoint
		var keycloak = clientRegistrations.findByRegistrationId(REGISTRATION_ID)
			.map(registration -> registration.getProviderDetails().getAuthorizationUri())
			.blockOptional()
			.orElse(endSessionFallback);
		http.authorizeExchange(exchanges -> exchanges
			// The actuator lives on the loopback-only management port; on the public port these paths match
			// nothing (404). Permitted so the management port's health check needs no session.
			.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.pathMatchers("/login/**", "/oauth2/**", "/error", "/favicon.ico", "/favicon.svg").permitAll()
			// the gateway's audit trail is for administrators alone, as the services' audit searches are
			.pathMatchers(GatewayAuditController.PATH, GatewayAuditController.PATH + "/**").hasRole(Roles.ADMIN)
			// so are other systems' clients (Keycloak's, through its admin API)
			.pathMatchers(IntegrationClientsController.PATH, IntegrationClientsController.PATH + "/**").hasRole(Roles.ADMIN)
			.anyExchange().authenticated())
			.oauth2Login(login -> login.authorizationRequestResolver(pkceAuthorizationRequests(clientRegistrations))
				.authorizedClientRepository(authorizedClients))
			.oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
			// A mutation from another site's page is refused before its token is even looked at.
			.addFilterBefore(new SameOriginMutations(publicOrigin), SecurityWebFiltersOrder.CSRF)
			// The token lives in the session; the page echoes a masked copy (XOR, fresh per response) that
			// MaskedCsrfCookie puts in the XSRF-TOKEN cookie once the security context is known.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokensInTheSession())
				.csrfTokenRequestHandler(new XorServerCsrfTokenRequestAttributeHandler())
				.accessDeniedHandler(csrfRejected()))
			.addFilterAfter(new MaskedCsrfCookie(secureCookies), SecurityWebFiltersOrder.REACTOR_CONTEXT)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak))))
			.logout(logout -> logout.logoutHandler(handlers -> {
				// First, while the session still holds the refresh token: end the Keycloak session server-side.
				handlers.add(0, new KeycloakSessionLogout(
						new EndSessionEndpointFallback(clientRegistrations, endSessionFallback), authorizedClients,
						WebClient.create()));
				// Last: delete the session row (and with it the tokens).
				handlers.add(new WebSessionServerLogoutHandler());
			})
				// then home, which sends a signed-out browser to Keycloak's login
				.logoutSuccessHandler(homeAfterLogout()));
		return http.build();
	}

	/**
	 * The pages load scripts, styles, images and data from the gateway alone: no inline script, no other origin, no
	 * framing. Forms post to the gateway; the logout form's answer sends a signed-out browser home and from there to
	 * Keycloak's login (a form's redirects count as its target), so Keycloak's origin may be a form's destination too.
	 */
	static String contentSecurityPolicy(String keycloakUrl) {
		var keycloak = URI.create(keycloakUrl);
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

	/** A signed-in user without the role a path needs: 403 problem+json, as the services refuse it. */
	private static ServerAccessDeniedHandler accessDenied() {
		return (exchange, denied) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Not allowed",
				"Your role does not allow this.");
	}

	private static ServerAccessDeniedHandler csrfRejected() {
		return (exchange, denied) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
				"CSRF token missing or not valid",
				"Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header; reload the page if it persists.");
	}

	/** The session's CSRF token: one per session, made on the first page a signed-in user loads. */
	private static WebSessionServerCsrfTokenRepository csrfTokensInTheSession() {
		var tokens = new WebSessionServerCsrfTokenRepository();
		tokens.setHeaderName("X-XSRF-TOKEN");
		return tokens;
	}

	private static RedirectServerLogoutSuccessHandler homeAfterLogout() {
		var handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

}
