package clinic.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A caller with a validated token for MockMvc tests: the user name services record and one realm role. */
public final class Tokens {

	private Tokens() {
	}

	public static RequestPostProcessor as(String user, String role) {
		return jwt().jwt(token -> token.subject(user).claim("preferred_username", user))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
