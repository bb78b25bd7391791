package clinic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Every token names its caller for the audit trail: a user by {@code preferred_username}, a client whose token lacks
 * it by its service account, and failing both by its subject; the realm roles come along either way.
 */
class CallerNameTest {

	@Test
	void givenAUsersTokenThenTheCallerIsTheUserName() {
		var token = ResourceServerSecurity.jwtAuthentication()
			.convert(jwt(Map.of("preferred_username", "nina", "azp", "clinic-web", "sub", "1f0c")));

		assertThat(token.getName()).isEqualTo("nina");
		assertThat(token.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_nurse");
	}

	@Test
	void givenAClientsTokenWithoutAUserNameThenTheCallerIsItsServiceAccount() {
		var token = ResourceServerSecurity.jwtAuthentication().convert(jwt(Map.of("azp", "ehr-link", "sub", "1f0c")));

		assertThat(token.getName()).isEqualTo("service-account-ehr-link");
	}

	@Test
	void givenATokenNamingNeitherThenTheCallerIsItsSubject() {
		assertThat(ResourceServerSecurity.jwtAuthentication().convert(jwt(Map.of("sub", "1f0c"))).getName())
			.isEqualTo("1f0c");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		var builder = Jwt.withTokenValue("token").header("alg", "RS256")
			.claim("realm_access", Map.of("roles", List.of("nurse")));
		claims.forEach(builder::claim);
		return builder.build();
	}
}
