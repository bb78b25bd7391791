package clinic.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A caller refused for who they are is told so in problem+json, like every other error of the clinic: 401 when the
 * bearer token is missing, expired, forged or for another audience, 403 when the caller's role does not allow the
 * operation. The status and the {@code WWW-Authenticate} header are the OAuth2 resource server's own (RFC 6750, from
 * Spring Security's bearer-token handlers), so a client library still learns the token's fault there; the body adds
 * the words. Neither the token nor the validator's message is echoed.
 */
public final class RefusalProblems {

	private RefusalProblems() {
	}

	/** 401: no token, or one that is not valid here. */
	public static AuthenticationEntryPoint entryPoint() {
		var bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, failure) -> {
			bearer.commence(request, response, failure);
			write(response, HttpStatus.UNAUTHORIZED, "Not signed in",
					tokenGiven(request, failure) ? "The access token is not valid here or has expired: sign in again."
							: "Sign in to do this.");
		};
	}

	/** 403: a valid token whose roles the clinic's access policy does not allow this operation. */
	public static AccessDeniedHandler accessDenied() {
		var bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, denied) -> {
			bearer.handle(request, response, denied);
			write(response, HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this.");
		};
	}

	private static boolean tokenGiven(HttpServletRequest request, AuthenticationException failure) {
		return failure instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null;
	}

	private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title,
					status.value(), detail));
	}
}
