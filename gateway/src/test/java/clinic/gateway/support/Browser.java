package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal browser over real HTTP: keeps cookies like a browser does (per host, across ports), does not follow
 * redirects so tests can look at each one, and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN as the pages do.
 */
public final class Browser {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private URI base;

	public Browser(int port) {
		this.base = URI.create("http://localhost:" + port + "/");
	}

	/** Points the same browser (same cookies) at another gateway, as a load balancer would. */
	public void useGatewayOnPort(int port) {
		this.base = URI.create("http://localhost:" + port + "/");
	}

	public HttpResponse<String> get(String location) {
		return send(HttpRequest.newBuilder(resolve(location)).header("Accept", "text/html,application/json").GET());
	}

	public HttpResponse<String> getJson(String location) {
		return send(HttpRequest.newBuilder(resolve(location)).header("Accept", "application/json").GET());
	}

	/** A mutation as the pages send it: JSON body, CSRF token from the cookie in the header. */
	public HttpResponse<String> postJson(String location, String json) {
		return postJson(location, json, Map.of());
	}

	/**
	 * A mutation as the pages send it, with more headers: {@code Origin} and {@code Referer} as a browser would set
	 * them for the page that sends it.
	 */
	public HttpResponse<String> postJson(String location, String json, Map<String, String> headers) {
		return sendJson("POST", location, json, headers);
	}

	/** Any mutation as the pages send it (PUT, PATCH, DELETE...), with more headers. */
	public HttpResponse<String> sendJson(String method, String location, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(resolve(location))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * Puts a cookie into this browser for the gateway, as a script or a sibling site might: it replaces one of that
	 * name (with the domain and path CookieManager gave it), so the browser sends only this one.
	 */
	public void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookie.setDomain(this.base.getHost());
		for (HttpCookie existing : this.cookies.getCookieStore().get(this.base)) {
			if (existing.getName().equals(name)) {
				this.cookies.getCookieStore().remove(this.base, existing);
				cookie.setDomain(existing.getDomain());
				cookie.setPath(existing.getPath());
			}
		}
		this.cookies.getCookieStore().add(this.base, cookie);
	}

	/** A classic HTML form post, as the logout button does. */
	public HttpResponse<String> postForm(String location, String urlEncodedForm) {
		return send(HttpRequest.newBuilder(resolve(location))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(urlEncodedForm)));
	}

	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.get(this.base)
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/**
	 * Signs in through the gateway as Keycloak would let {@code username} in, starting from {@code page}. Returns
	 * the gateway's last redirect (back to the page).
	 */
	public HttpResponse<String> signIn(FakeKeycloak keycloak, String page, String username) {
		HttpResponse<String> toLogin = expectRedirect(get(page));
		HttpResponse<String> toKeycloak = expectRedirect(get(location(toLogin)));
		URI callback = keycloak.authorize(URI.create(location(toKeycloak)), username);
		return expectRedirect(get(callback.toString()));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + " " + response.body()));
	}

	private static HttpResponse<String> expectRedirect(HttpResponse<String> response) {
		if (response.statusCode() != 302 && response.statusCode() != 303) {
			throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private URI resolve(String location) {
		return this.base.resolve(location);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
