package clinic.gateway.user;

import clinic.gateway.security.KeycloakRealmRoles;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CurrentUserController {

	/** Without a session this never runs: the security chain answers 401 for {@code /api/**}. */
	@GetMapping("/api/me")
	CurrentUser me(@AuthenticationPrincipal OidcUser user) {
		String username = StringUtils.hasText(user.getPreferredUsername()) ? user.getPreferredUsername()
				: user.getName();
		String name = StringUtils.hasText(user.getFullName()) ? user.getFullName() : username;
		return new CurrentUser(username, name, KeycloakRealmRoles.fromAuthorities(user.getAuthorities()));
	}

}
