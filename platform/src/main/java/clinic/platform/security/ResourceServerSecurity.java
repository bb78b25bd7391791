package clinic.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import clinic.contracts.Roles;

/**
 * Every service is an OAuth2 resource server: it validates the token's signature, issuer and audience itself
 * ({@code spring.security.oauth2.resourceserver.jwt.*}, set in the platform defaults) and turns Keycloak realm
 * roles into authorities ({@code ROLE_front-desk}, ...). Which role may call what is the clinic's access policy
 * ({@link AccessPolicy}, docs/access-policy.md), enforced for each request before its body is read; the controllers'
 * {@code @PreAuthorize} say the same as a second line. Health and the API docs are public; an operation the policy
 * does not list is refused. A refused caller gets 401 or 403 with the bearer-token {@code WWW-Authenticate} header and a
 * problem+json body ({@link RefusalProblems}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ResourceServerSecurity {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> {
			requests
				.requestMatchers("/actuator/health/**", "/actuator/info", "/api/*/openapi/**", "/api/*/docs/**",
						"/swagger-ui/**", "/error")
				.permitAll();
			// who may call what: docs/access-policy.md, decided here before the body is read or validated
			AccessPolicy.clinic().authorize(requests);
			requests.anyRequest().denyAll();
		})
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication()))
				.authenticationEntryPoint(RefusalProblems.entryPoint())
				.accessDeniedHandler(RefusalProblems.accessDenied()))
			// the same answers for a caller refused by the access policy or @PreAuthorize (RefusalProblems)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(RefusalProblems.entryPoint())
				.accessDeniedHandler(RefusalProblems.accessDenied()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The caller as every chain of the clinic reads a token: the user name from {@code preferred_username}, the realm
	 * roles as {@code ROLE_<role>} (also for a service's own chain of another protocol, intake's FHIR). A client's
	 * token without {@code preferred_username} (an integration client created without the profile scope) is named
	 * as Keycloak names its service account, {@code service-account-<azp>}, and failing that by its subject: every
	 * caller has a name for the audit trail.
	 */
	public static Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication() {
		var roles = realmRoles();
		return jwt -> new JwtAuthenticationToken(jwt, roles.convert(jwt), callerName(jwt));
	}

	static String callerName(Jwt jwt) {
		var username = jwt.getClaimAsString("preferred_username");
		if (username != null && !username.isBlank()) {
			return username;
		}
		var client = jwt.getClaimAsString("azp");
		if (client != null && !client.isBlank()) {
			return "service-account-" + client;
		}
		return jwt.getSubject() != null ? jwt.getSubject() : "unnamed-token";
	}

	static Converter<Jwt, Collection<GrantedAuthority>> realmRoles() {
		return jwt -> {
			Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
			if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
				return List.of();
			}
			return roles.stream()
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(Roles.authority(String.valueOf(role))))
				.toList();
		};
	}
}
