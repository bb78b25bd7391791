package clinic.gateway.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmRolesTest {

	@Test
	void givenRealmAccessRolesWhenMappedThenEachBecomesARoleAuthority() {
		var roles = KeycloakRealmRoles.fromClaims(Map.of("realm_access", Map.of("roles", List.of("nurse", "admin"))));

		assertThat(KeycloakRealmRoles.asAuthorities(roles)).containsExactly(new SimpleGrantedAuthority("ROLE_admin"),
				new SimpleGrantedAuthority("ROLE_nurse"));
	}

	@Test
	void givenNoOrMalformedRealmAccessWhenMappedThenNoRoles() {
		assertThat(KeycloakRealmRoles.fromClaims(Map.of())).isEmpty();
		assertThat(KeycloakRealmRoles.fromClaims(Map.of("realm_access", "nurse"))).isEmpty();
		assertThat(KeycloakRealmRoles.fromClaims(Map.of("realm_access", Map.of("roles", List.of(42, "nurse")))))
			.containsExactly("nurse");
	}

	@Test
	void givenMixedAuthoritiesWhenReadBackThenOnlyRolesWithoutPrefix() {
		var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"), new SimpleGrantedAuthority("SCOPE_email"),
				new SimpleGrantedAuthority("ROLE_front-desk"));

		assertThat(KeycloakRealmRoles.fromAuthorities(authorities)).containsExactly("front-desk");
	}

}
