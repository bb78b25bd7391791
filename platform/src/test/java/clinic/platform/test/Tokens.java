package clinic.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A caller with a validated token for MockMvc tests: the user name services record, one realm role and SMART scopes
 * (on {@code /fhir}; every resource type unless a test names fewer).
 */
public final class Tokens {

	/** The scopes of a token that may do everything its role may: SMART v1's wildcards, for clients and users. */
	public static final String EVERY_SCOPE = "system/*.* user/*.*";

	private Tokens() {
	}

	public static RequestPostProcessor as(String user, String role) {
		return withScopes(user, role, EVERY_SCOPE);
	}

	/** A caller whose token carries only these scopes (space-separated, as the token's {@code scope} claim). */
	public static RequestPostProcessor withScopes(String user, String role, String scopes) {
		return jwt().jwt(token -> token.subject(user).claim("preferred_username", user).claim("scope", scopes))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
