package clinic.platform.security;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the user name from the token, recorded on signed decisions, records and the audit log. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static String name() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}
}
