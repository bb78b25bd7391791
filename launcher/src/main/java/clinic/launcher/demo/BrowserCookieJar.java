package clinic.launcher.demo;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps cookies the way a browser does on http://localhost: unlike {@link java.net.CookieManager}, it sends
 * {@code Secure} cookies there too (browsers treat localhost as a secure context, and Keycloak marks its login
 * cookies Secure). Cookies are per host, ignoring the port, as in browsers.
 */
public final class BrowserCookieJar extends CookieHandler {

	private final Map<String, HttpCookie> cookies = new LinkedHashMap<>();

	/** An HTTP client that keeps its cookies in this jar and leaves redirects to the caller, as a login needs. */
	public HttpClient client() {
		return HttpClient.newBuilder()
			.cookieHandler(this)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Override
	public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
		var path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
		var matching = new ArrayList<String>();
		cookies.values().removeIf(HttpCookie::hasExpired);
		for (var cookie : cookies.values()) {
			var cookiePath = cookie.getPath() == null ? "/" : cookie.getPath();
			if (uri.getHost().equalsIgnoreCase(cookie.getDomain()) && path.startsWith(cookiePath)) {
				matching.add(cookie.getName() + "=" + cookie.getValue());
			}
		}
		return matching.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", matching)));
	}

	@Override
	public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
		responseHeaders.forEach((name, values) -> {
			if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
				for (var header : values) {
					for (var cookie : HttpCookie.parse(header)) {
						cookie.setDomain(uri.getHost());
						var key = cookie.getName() + "@" + (cookie.getPath() == null ? "/" : cookie.getPath());
						if (cookie.getMaxAge() == 0) {
							cookies.remove(key);
						}
						else {
							cookies.put(key, cookie);
						}
					}
				}
			}
		});
	}

	public synchronized String value(String name) {
		return cookies.values()
			.stream()
			.filter(cookie -> cookie.getName().equals(name) && !cookie.hasExpired())
			.map(HttpCookie::getValue)
			.reduce((first, second) -> second)
			.orElse(null);
	}
}
