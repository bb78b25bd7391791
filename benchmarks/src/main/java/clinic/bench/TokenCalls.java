package clinic.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import clinic.launcher.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's calls to Keycloak's token endpoint (a code exchanged at sign-in, a token refreshed, a client's own
 * login), as Keycloak's event store records them: the realm's events are switched on for these types when the count
 * starts, through the admin API with Keycloak's bootstrap administrator (the launcher's admin / admin).
 */
final class TokenCalls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REALM = "clinic";

	/** The gateway's client in the realm (keycloak/clinic-realm.json). */
	private static final String GATEWAY_CLIENT = "clinic-gateway";

	private static final List<String> TYPES = List.of("CODE_TO_TOKEN", "REFRESH_TOKEN", "CLIENT_LOGIN");

	private final Stack stack;

	private final HttpClient http = HttpClient.newHttpClient();

	private TokenCalls(Stack stack) {
		this.stack = stack;
	}

	/** Starts recording the realm's token events (those before are not kept). */
	static TokenCalls recording(Stack stack) {
		var calls = new TokenCalls(stack);
		var token = calls.adminToken();
		var config = (ObjectNode) calls.send(calls.admin("/events/config", token).GET().build());
		config.put("eventsEnabled", true);
		var types = config.putArray("enabledEventTypes");
		TYPES.forEach(types::add);
		calls.send(calls.admin("/events/config", token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
			.build());
		return calls;
	}

	/**
	 * Token calls the gateway's client made since recording started, by Keycloak's event type: CODE_TO_TOKEN (a
	 * sign-in), REFRESH_TOKEN, CLIENT_LOGIN.
	 */
	Map<String, Long> count() {
		var query = new StringBuilder("/events?client=" + GATEWAY_CLIENT + "&max=1000000");
		TYPES.forEach(type -> query.append("&type=").append(type));
		var byType = new TreeMap<String, Long>();
		TYPES.forEach(type -> byType.put(type, 0L));
		for (var event : send(admin(query.toString(), adminToken()).GET().build())) {
			byType.merge(event.get("type").asString(), 1L, Long::sum);
		}
		return byType;
	}

	/** How long the realm's access tokens live, in seconds: a session refreshes its token about that often. */
	long tokenLifespanSeconds() {
		return send(admin("", adminToken()).GET().build()).get("accessTokenLifespan").asLong();
	}

	private HttpRequest.Builder admin(String path, String token) {
		return HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/" + REALM + path))
			.header("Authorization", "Bearer " + token);
	}

	private String adminToken() {
		var form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
		var answer = send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
				+ "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		return answer.get("access_token").asString();
	}

	/** The answer's JSON (an empty object for none); a refusal is an IllegalStateException with Keycloak's words. */
	private JsonNode send(HttpRequest request) {
		try {
			var answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (answer.statusCode() / 100 != 2) {
				throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " to " + request.method()
						+ " " + request.uri().getPath() + ": " + answer.body());
			}
			return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
		}
		catch (IOException e) {
			throw new IllegalStateException("calling Keycloak's admin API", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
