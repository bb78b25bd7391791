package clinic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A refused caller reads why in problem+json, and a client library still finds RFC 6750's challenge. */
class RefusalProblemsTest {

	@Test
	void givenNoToken_whenRefused_thenA401ProblemWithTheBearerChallenge() throws Exception {
		var response = new MockHttpServletResponse();
		RefusalProblems.entryPoint()
			.commence(new MockHttpServletRequest("GET", "/api/intake/patients"), response,
					new InsufficientAuthenticationException("Full authentication is required"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":401").contains("Sign in to do this.");
	}

	@Test
	void givenAForgedOrExpiredToken_whenRefused_thenA401ProblemNamingTheTokenNotEchoingIt() throws Exception {
		var request = new MockHttpServletRequest("GET", "/api/intake/patients");
		request.addHeader("Authorization", "Bearer forged.token.here");
		var response = new MockHttpServletResponse();
		RefusalProblems.entryPoint()
			.commence(request, response, new InvalidBearerTokenException("Jwt expired at 2030-01-07T10:00:00Z"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":401")
			.contains("access token")
			.doesNotContain("forged")
			.doesNotContain("2030");
	}

	@Test
	void givenARoleTheOperationDoesNotAllow_whenRefused_thenA403ProblemWithTheBearerChallenge() throws Exception {
		var response = new MockHttpServletResponse();
		RefusalProblems.accessDenied()
			.handle(new MockHttpServletRequest("POST", "/api/intake/patients"), response,
					new AccessDeniedException("Access Denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":403").contains("Your role does not allow this.");
	}
}
