package clinic.gateway.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.springframework.util.MultiValueMap;

/**
 * A query string the gateway sends or links to, every name and value encoded as a form encodes it, so that what the
 * client sent arrives as sent: a {@code +} of a time's zone ({@code date=ge2026-12-01T10:00:00+01:00}) stays a plus,
 * a {@code |} of a token is escaped. {@code /} and {@code :}, legal in a query, stay as they are, for readable links.
 */
final class Queries {

	private Queries() {
	}

	static String of(MultiValueMap<String, String> parameters) {
		var pairs = new ArrayList<String>();
		parameters.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
		return String.join("&", pairs);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/").replace("%3A", ":");
	}
}
