package clinic.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff member signed in at the gateway the way a browser is: Keycloak's login form (authorization code flow), the
 * session cookie, and the CSRF cookie echoed on every change. The demo clinic is made through it, with the same
 * checks a person meets.
 */
public final class GatewaySession {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private final String gateway;

	private final BrowserCookieJar cookies = new BrowserCookieJar();

	private final HttpClient http;

	/** An answer: the status and the JSON body (null when none). */
	public record Answer(int status, JsonNode body, String text) {

		public boolean ok() {
			return status >= 200 && status < 300;
		}

		/** The answer's body, or an exception saying what the service refused. */
		public JsonNode required(String what) {
			if (!ok()) {
				throw new IllegalStateException(what + ": " + status + " " + text.lines().limit(3).reduce("", String::concat));
			}
			return body;
		}
	}

	public GatewaySession(String gateway) {
		this.gateway = gateway;
		this.http = cookies.client();
	}

	/** Signs in at Keycloak's form as {@code username}; throws when the login does not end with a session. */
	public GatewaySession signIn(String username, String password) {
		var authorization = raw(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/authorization/keycloak")).GET());
		var loginPage = raw(HttpRequest.newBuilder(URI.create(location(authorization))).GET());
		var form = LOGIN_FORM.matcher(loginPage.body());
		if (!form.find()) {
			throw new IllegalStateException("Keycloak showed no login form (" + loginPage.statusCode() + ")");
		}
		var action = form.group(1).replace("&amp;", "&");
		var submitted = raw(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
					+ "&credentialId=")));
		var callback = location(submitted);
		if (!callback.startsWith(gateway)) {
			throw new IllegalStateException("Keycloak did not accept " + username + " (" + submitted.statusCode() + ")");
		}
		raw(HttpRequest.newBuilder(URI.create(callback)).GET());
		// the first call after login writes the CSRF cookie
		get("/api/me").required("signing in as " + username);
		return this;
	}

	public Answer get(String path) {
		return answer(raw(HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", "application/json").GET()));
	}

	public Answer post(String path, String json) {
		return send("POST", path, json);
	}

	public Answer put(String path, String json) {
		return send("PUT", path, json);
	}

	private Answer send(String method, String path, String json) {
		return answer(raw(request(method, path, json)));
	}

	/**
	 * A JSON call as this session makes it (the CSRF token echoed), for a client of the caller's own that keeps its
	 * cookies in {@link #cookies()}: the benchmark harness sends these at a fixed rate.
	 */
	public HttpRequest.Builder request(String method, String path, String json) {
		var token = cookies.value("XSRF-TOKEN");
		var builder = HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", "application/json");
		if (json == null) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return builder.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", token == null ? "" : token)
			.method(method, HttpRequest.BodyPublishers.ofString(json));
	}

	/** The session's cookies (the gateway's session cookie among them). */
	public BrowserCookieJar cookies() {
		return cookies;
	}

	private static Answer answer(HttpResponse<String> response) {
		var text = response.body() == null ? "" : response.body();
		JsonNode body = null;
		if (text.trim().startsWith("{") || text.trim().startsWith("[")) {
			body = JSON.readTree(text);
		}
		return new Answer(response.statusCode(), body, text);
	}

	private HttpResponse<String> raw(HttpRequest.Builder builder) {
		try {
			return http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
				"expected a redirect, got " + response.statusCode() + " from " + response.uri()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
