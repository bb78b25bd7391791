package clinic.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the secret is {@code whsec_} and the base64 of
 * 32 random bytes, the key is those bytes, and {@code webhook-signature} is {@code v1,} and the base64 of
 * HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"), the timestamp in Unix seconds.
 */
public final class WebhookSignature {

	public static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new subscription's secret. */
	public static String newSecret() {
		var key = new byte[32];
		RANDOM.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header's value for this message. */
	public static String sign(String secret, String id, long timestamp, byte[] body) {
		var key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}
}
