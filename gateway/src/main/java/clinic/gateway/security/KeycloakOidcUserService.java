package clinic.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Loads the OIDC user as Spring Security does, then adds an authority {@code ROLE_<role>} for every Keycloak realm
 * role found in the ID token (or userinfo) claims, so the gateway and its pages know who may do what.
 */
class KeycloakOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate;

	KeycloakOidcUserService() {
		this(new OidcReactiveOAuth2UserService());
	}

	KeycloakOidcUserService(ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return this.delegate.loadUser(request).map(user -> withRealmRoles(request, user));
	}

	private static OidcUser withRealmRoles(OidcUserRequest request, OidcUser user) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
		authorities.addAll(KeycloakRealmRoles.asAuthorities(KeycloakRealmRoles.fromClaims(user.getClaims())));
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute(request, user));
	}

	private static String nameAttribute(OidcUserRequest request, OidcUser user) {
		String configured = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return StringUtils.hasText(configured) && user.getClaims().get(configured) != null ? configured
				: IdTokenClaimNames.SUB;
	}

}
