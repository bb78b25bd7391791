package clinic.gateway.user;

import java.util.List;

/**
 * The signed-in user as the pages see them.
 * @param username the Keycloak username ({@code preferred_username})
 * @param name the display name, or the username when Keycloak has none
 * @param roles the Keycloak realm roles, e.g. {@code front-desk}, {@code nurse}
 */
public record CurrentUser(String username, String name, List<String> roles) {
}
