package clinic.platform.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import ca.uhn.fhir.context.FhirContext;
import clinic.platform.security.AccessPolicy;
import clinic.platform.security.ResourceServerSecurity;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The FHIR paths' security: the service's resource server as for the API (the same token validation, issuer and
 * audience from the platform's settings, the same reading of realm roles, the access policy's rows for
 * {@code /fhir/...}, anything else refused) and then the token's SMART scopes, in a chain of its own so that a
 * refusal is written as FHIR writes errors, an OperationOutcome, with the bearer-token {@code WWW-Authenticate} header kept. The CapabilityStatement
 * ({@code /fhir/metadata}) is public, as the API's documents are. Imported by {@link FhirConfiguration} only, so
 * that a service without FHIR has no such chain.
 */
class FhirSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain fhirSecurityChain(HttpSecurity http, FhirContext fhir) throws Exception {
		var entryPoint = entryPoint(fhir);
		var accessDenied = accessDenied(fhir);
		http.securityMatcher(FhirServer.BASE + "/**")
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(HttpMethod.GET, FhirServer.BASE + "/metadata").permitAll();
				AccessPolicy.clinic().authorize(requests);
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity.jwtAuthentication()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(scopesChecked(fhir), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * After the role's row of the access policy, the token's SMART scopes ({@link SmartScopes}): a client given
	 * {@code system/Appointment.rs} reads appointments and nothing else, whatever its role would let it do. A refusal
	 * is a 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} naming the scope to ask for.
	 */
	private static Filter scopesChecked(FhirContext fhir) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				var below = request.getRequestURI().substring(request.getContextPath().length() + FhirServer.BASE.length());
				var interaction = SmartScopes.interaction(request.getMethod(), below);
				if (interaction.isPresent()
						&& SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
						&& !SmartScopes.of(token.getToken().getClaimAsString("scope")).allow(interaction.get())) {
					var scope = interaction.get().scope();
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", "
							+ "error_description=\"The token's scopes do not cover this\", scope=\"" + scope + "\"");
					write(fhir, request, response, HttpStatus.FORBIDDEN, OperationOutcome.IssueType.FORBIDDEN,
							"This client's token has no SMART scope for this: ask for " + scope + " (or "
									+ interaction.get().v1Scope() + ") in the token request's scope.");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static AuthenticationEntryPoint entryPoint(FhirContext fhir) {
		var bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, failure) -> {
			bearer.commence(request, response, failure);
			write(fhir, request, response, HttpStatus.UNAUTHORIZED, OperationOutcome.IssueType.LOGIN,
					request.getHeader("Authorization") != null
							? "The access token is not valid here or has expired: get a new one."
							: "Send a bearer access token to do this.");
		};
	}

	private static AccessDeniedHandler accessDenied(FhirContext fhir) {
		var bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, denied) -> {
			bearer.handle(request, response, denied);
			write(fhir, request, response, HttpStatus.FORBIDDEN, OperationOutcome.IssueType.FORBIDDEN,
					"Your role does not allow this.");
		};
	}

	/** An OperationOutcome in XML when the client asks for XML ({@code _format} or {@code Accept}), else JSON. */
	private static void write(FhirContext fhir, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, OperationOutcome.IssueType type, String text) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		var outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
		var format = request.getParameter("_format");
		var accept = request.getHeader("Accept");
		var xml = format != null ? format.contains("xml") : accept != null && accept.contains("xml");
		response.setStatus(status.value());
		response.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		var parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
		response.getWriter().write(parser.encodeResourceToString(outcome));
	}
}
