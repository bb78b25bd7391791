package clinic.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Keycloak realm roles as Spring authorities. Keycloak writes them as {@code realm_access.roles}; the realm's
 * mapper for the gateway client puts that claim into the ID token and the userinfo response.
 */
public final class KeycloakRealmRoles {

	static final String CLAIM = "realm_access";

	static final String ROLE_PREFIX = "ROLE_";

	private KeycloakRealmRoles() {
	}

	/** The realm role names found in the given claims, empty if the claim is missing or malformed. */
	static Set<String> fromClaims(Map<String, Object> claims) {
		Set<String> roles = new TreeSet<>();
		if (claims.get(CLAIM) instanceof Map<?, ?> realmAccess && realmAccess.get("roles") instanceof Collection<?> names) {
			names.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
		}
		return roles;
	}

	static List<GrantedAuthority> asAuthorities(Set<String> roles) {
		return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList();
	}

	/** The realm role names among the given authorities (the ones this class made, without their prefix). */
	public static List<String> fromAuthorities(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()))
			.sorted()
			.toList();
	}

}
