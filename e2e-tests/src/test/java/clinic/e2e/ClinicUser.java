package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

import clinic.launcher.demo.BrowserCookieJar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person using the suite through the gateway the way a browser does: a cookie jar, a real authorization-code
 * login at Keycloak's login form, JSON calls that echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
 */
final class ClinicUser {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String gateway;

	private final BrowserCookieJar cookies;

	private final HttpClient http;

	ClinicUser(String gateway) {
		this(gateway, new BrowserCookieJar());
	}

	private ClinicUser(String gateway, BrowserCookieJar cookies) {
		this.gateway = gateway;
		this.cookies = cookies;
		this.http = cookies.client();
	}

	/**
	 * The same browser (its cookies, so its session) at another gateway of the same host, e.g. the second gateway
	 * of {@code --instances 2}: cookies are per host, not per port, as in browsers.
	 */
	ClinicUser at(String otherGateway) {
		return new ClinicUser(otherGateway, cookies);
	}

	/** The gateway this user's calls go to. */
	String gateway() {
		return gateway;
	}

	/** The demo user (password "demo") signed in at the gateway. */
	static ClinicUser signedIn(String gateway, String username) {
		var user = new ClinicUser(gateway);
		user.login(username, "demo");
		return user;
	}

	record Reply(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String location() {
			return response.headers().firstValue("Location").orElse("");
		}
	}

	/** Logs in with the authorization-code flow; returns the Keycloak authorization request URL it followed. */
	String login(String username, String password) {
		var start = send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/authorization/keycloak")).GET());
		assertThat(start.status()).as("gateway starts the login").isEqualTo(302);
		var authorizationRequest = start.location();
		var loginPage = send(HttpRequest.newBuilder(URI.create(authorizationRequest)).GET());
		assertThat(loginPage.status()).as("Keycloak shows its login form").isEqualTo(200);
		var form = Jsoup.parse(loginPage.body(), authorizationRequest).selectFirst("form#kc-form-login");
		assertThat(form).as("Keycloak login form").isNotNull();
		var action = form.absUrl("action");
		var submitted = send(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody("username", username, "password", password,
					"credentialId", ""))));
		assertThat(submitted.status()).as("Keycloak accepts the credentials and redirects back").isEqualTo(302);
		var callback = submitted.location();
		assertThat(callback).as("redirect back to the gateway with a code").startsWith(gateway).contains("code=");
		var finished = send(HttpRequest.newBuilder(URI.create(callback)).GET());
		assertThat(finished.status()).as("gateway exchanges the code and starts the session").isEqualTo(302);
		assertThat(finished.location()).doesNotContain("error");
		// the first page after login writes the CSRF cookie
		get("/api/me");
		return authorizationRequest;
	}

	/**
	 * Starts a new login at the gateway and follows it to Keycloak: Keycloak's login form (200) when it has no session
	 * for this browser, or a redirect straight back to the gateway (302) while it has one.
	 */
	Reply startLoginAtKeycloak() {
		var start = send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/authorization/keycloak")).GET());
		assertThat(start.status()).as("gateway starts the login").isEqualTo(302);
		return send(HttpRequest.newBuilder(URI.create(start.location())).GET());
	}

	Reply get(String path) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", "application/json").GET());
	}

	Reply getPage(String path) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", "text/html").GET());
	}

	Reply post(String path, String json) {
		return sendJson("POST", path, json);
	}

	/**
	 * A POST as a page served by this gateway sends it: with the page's {@code Origin}, which the gateway compares
	 * with the origin the request was addressed to.
	 */
	Reply postFromPage(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Origin", gateway)
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Reply put(String path, String json) {
		return sendJson("PUT", path, json);
	}

	private Reply sendJson(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Any operation as the pages send it (JSON, the CSRF header echoed when the gateway has written the cookie). */
	Reply call(String method, String path, String json) {
		var builder = request(method, path, json);
		var token = cookies.value("XSRF-TOKEN");
		if (token != null) {
			builder.header("X-XSRF-TOKEN", token);
		}
		return send(builder);
	}

	/** Any operation without the CSRF header, as a page on another site could send it with the user's cookies. */
	Reply callWithoutCsrf(String method, String path, String json) {
		return send(request(method, path, json));
	}

	private HttpRequest.Builder request(String method, String path, String json) {
		return HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, */*;q=0.5")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
	}

	Reply postWithoutCsrf(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Reply logout() {
		return send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	String csrfToken() {
		var token = cookies.value("XSRF-TOKEN");
		if (token == null) {
			throw new AssertionError("the gateway has not written the XSRF-TOKEN cookie");
		}
		return token;
	}

	boolean hasCookie(String name) {
		return cookies.value(name) != null;
	}

	private Reply send(HttpRequest.Builder builder) {
		var request = builder.timeout(Duration.ofSeconds(30)).build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (java.net.http.HttpTimeoutException e) {
			throw new AssertionError("No answer within 30 s to " + request.method() + " " + request.uri(), e);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String formBody(String... pairs) {
		var body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	static String describe(Reply reply) {
		return reply.status() + " " + reply.body().lines().limit(20).collect(Collectors.joining("\n"));
	}
}
