package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of a Keycloak realm to log a browser in through the gateway without Keycloak: it checks the client's
 * credentials and PKCE verifier like Keycloak does, signs ID tokens (with {@code realm_access.roles}, as the
 * realm's mapper does), counts the token requests, so tests can see when the gateway refreshes, and ends its
 * session when the gateway calls the logout endpoint with a refresh token and the client's credentials.
 * <p>
 * The authorization endpoint is not served: a test reads the gateway's redirect and calls {@link #authorize}, which
 * answers with the callback URL as Keycloak would after the user signed in.
 */
public final class FakeKeycloak {

	public static final String CLIENT_ID = "clinic-gateway";

	public static final String CLIENT_SECRET = "clinic-gateway-demo-secret";

	private static final Map<String, List<String>> USERS = Map.of("frontdesk", List.of("front-desk"), "clinician",
			List.of("clinician"), "nurse", List.of("nurse"), "admin", List.of("admin"));

	private record PendingCode(String username, String nonce, String codeChallenge, String redirectUri) {
	}

	/** Whose refresh token it is, and in which Keycloak session (one per login). */
	private record Grant(String username, String keycloakSession) {
	}

	/** A logout the gateway asked for at the logout endpoint, as Keycloak saw it. */
	public record Logout(String username, String clientId) {
	}

	private final HttpServer server;

	private final RSAKey signingKey;

	private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

	private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();

	private final List<Logout> logouts = new CopyOnWriteArrayList<>();

	private final AtomicInteger codeGrants = new AtomicInteger();

	private final AtomicInteger refreshGrants = new AtomicInteger();

	private volatile int accessTokenLifetimeSeconds = 300;

	private volatile boolean refreshRejected;

	private volatile boolean logoutFailing;

	private volatile boolean refreshUnreachable;

	private volatile String lastCodeVerifier;

	private volatile String lastRefreshToken;

	private FakeKeycloak() {
		try {
			this.signingKey = new RSAKeyGenerator(2048).keyID("fake-keycloak").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/realms/clinic/protocol/openid-connect/token", this::token);
		this.server.createContext("/realms/clinic/protocol/openid-connect/certs", this::certs);
		this.server.createContext("/realms/clinic/protocol/openid-connect/userinfo", this::userInfo);
		this.server.createContext("/realms/clinic/protocol/openid-connect/logout", this::logout);
		this.server.start();
	}

	public static FakeKeycloak start() {
		return new FakeKeycloak();
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/realms/clinic";
	}

	public String authorizationUri() {
		return issuer() + "/protocol/openid-connect/auth";
	}

	public String tokenUri() {
		return issuer() + "/protocol/openid-connect/token";
	}

	public String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	public String userInfoUri() {
		return issuer() + "/protocol/openid-connect/userinfo";
	}

	public String endSessionUri() {
		return issuer() + "/protocol/openid-connect/logout";
	}

	/** Forgets counters and settings between tests; issued tokens stay valid. */
	public void reset() {
		this.codeGrants.set(0);
		this.refreshGrants.set(0);
		this.accessTokenLifetimeSeconds = 300;
		this.refreshRejected = false;
		this.logoutFailing = false;
		this.refreshUnreachable = false;
		this.lastCodeVerifier = null;
		this.logouts.clear();
		this.lastRefreshToken = null;
	}

	public void accessTokenLifetime(int seconds) {
		this.accessTokenLifetimeSeconds = seconds;
	}

	/** Makes every refresh fail as Keycloak does once its session is gone. */
	public void rejectRefresh() {
		this.refreshRejected = true;
	}

	/** Makes the logout endpoint fail (503) as a Keycloak that is down or overloaded does; the session stays alive. */
	public void failLogout() {
		this.logoutFailing = true;
	}

	/**
	 * Makes a refresh fail as a Keycloak that cannot be reached does: the connection is closed without an answer
	 * (the gateway's client sees it broken off, as it would a refused one); {@code false} answers again.
	 */
	public void refreshUnreachable(boolean unreachable) {
		this.refreshUnreachable = unreachable;
	}

	public int codeGrants() {
		return this.codeGrants.get();
	}

	public int refreshGrants() {
		return this.refreshGrants.get();
	}

	public boolean isAccessToken(String token) {
		return this.accessTokens.containsKey(token);
	}

	public String lastCodeVerifier() {
		return this.lastCodeVerifier;
	}

	/** The refresh token issued last (at a login or a refresh). */
	public String lastRefreshToken() {
		return this.lastRefreshToken;
	}

	/** The logouts asked for since the last {@link #reset()}. */
	public List<Logout> logouts() {
		return List.copyOf(this.logouts);
	}

	/**
	 * Whether a refresh with this token would still work, that is whether the Keycloak session it belongs to is
	 * alive: what decides, at real Keycloak, whether the next login asks for the password again.
	 */
	public boolean sessionAlive(String refreshToken) {
		Grant grant = this.refreshTokens.get(refreshToken);
		return grant != null && !this.endedSessions.contains(grant.keycloakSession());
	}

	/**
	 * What Keycloak does once the user has signed in: checks the authorization request the gateway redirected to,
	 * and returns the URL it would send the browser back to.
	 */
	public URI authorize(URI authorizationRequest, String username) {
		Map<String, String> query = parse(authorizationRequest.getRawQuery());
		require(authorizationRequest.toString().startsWith(authorizationUri()), "wrong authorization endpoint");
		require(CLIENT_ID.equals(query.get("client_id")), "wrong client_id " + query.get("client_id"));
		require("code".equals(query.get("response_type")), "response_type must be code");
		require("S256".equals(query.get("code_challenge_method")), "PKCE with S256 required");
		require(query.get("code_challenge") != null && query.get("nonce") != null && query.get("state") != null,
				"code_challenge, nonce and state required");
		require(USERS.containsKey(username), "unknown user " + username);
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new PendingCode(username, query.get("nonce"), query.get("code_challenge"),
				query.get("redirect_uri")));
		return URI.create(query.get("redirect_uri") + "?state=" + encode(query.get("state")) + "&code=" + code
				+ "&session_state=fake");
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (!clientAuthenticated(exchange)) {
			respond(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		switch (String.valueOf(form.get("grant_type"))) {
			case "authorization_code" -> codeGrant(exchange, form);
			case "refresh_token" -> refreshGrant(exchange, form);
			default -> respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
		}
	}

	private void codeGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
		this.codeGrants.incrementAndGet();
		PendingCode pending = this.codes.remove(String.valueOf(form.get("code")));
		String verifier = form.get("code_verifier");
		this.lastCodeVerifier = verifier;
		if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri")) || verifier == null
				|| !pending.codeChallenge().equals(s256(verifier))) {
			respond(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Code not valid"));
			return;
		}
		Map<String, Object> tokens = tokens(new Grant(pending.username(), UUID.randomUUID().toString()));
		tokens.put("id_token", idToken(pending.username(), pending.nonce()));
		respond(exchange, 200, tokens);
	}

	private void refreshGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
		if (this.refreshUnreachable) {
			exchange.close(); // no response headers sent: the connection is closed
			return;
		}
		this.refreshGrants.incrementAndGet();
		String refreshToken = String.valueOf(form.get("refresh_token"));
		if (this.refreshRejected || !sessionAlive(refreshToken)) {
			respond(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Session not active"));
			return;
		}
		respond(exchange, 200, tokens(this.refreshTokens.get(refreshToken)));
	}

	/**
	 * Keycloak's logout endpoint called by a confidential client: its credentials and a refresh token end the
	 * Keycloak session that token belongs to (204), so that no refresh and no silent login works any more.
	 */
	private void logout(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (this.logoutFailing) {
			respond(exchange, 503, Map.of("error", "temporarily_unavailable"));
			return;
		}
		if (!"POST".equals(exchange.getRequestMethod()) || !clientAuthenticated(exchange)) {
			respond(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		Grant grant = this.refreshTokens.get(String.valueOf(form.get("refresh_token")));
		if (grant == null || this.endedSessions.contains(grant.keycloakSession())) {
			respond(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Session not active"));
			return;
		}
		this.endedSessions.add(grant.keycloakSession());
		this.logouts.add(new Logout(grant.username(), form.get("client_id")));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	private Map<String, Object> tokens(Grant grant) {
		String username = grant.username();
		String accessToken = "at-" + UUID.randomUUID();
		String refreshToken = "rt-" + UUID.randomUUID();
		this.accessTokens.put(accessToken, username);
		this.refreshTokens.put(refreshToken, grant);
		this.lastRefreshToken = refreshToken;
		Map<String, Object> tokens = new LinkedHashMap<>();
		tokens.put("access_token", accessToken);
		tokens.put("token_type", "Bearer");
		tokens.put("expires_in", this.accessTokenLifetimeSeconds);
		tokens.put("refresh_token", refreshToken);
		tokens.put("refresh_expires_in", 1800);
		tokens.put("scope", "openid profile email");
		return tokens;
	}

	private String idToken(String username, String nonce) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(subject(username))
			.audience(CLIENT_ID)
			.claim("azp", CLIENT_ID)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim("preferred_username", username)
			.claim("name", displayName(username))
			.claim("realm_access", Map.of("roles", USERS.get(username)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private void certs(HttpExchange exchange) throws IOException {
		respond(exchange, 200, new JWKSet(this.signingKey.toPublicJWK()).toJSONObject());
	}

	/** Like Keycloak's userinfo, but without the roles: the gateway must find them in the ID token. */
	private void userInfo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String username = authorization == null ? null : this.accessTokens.get(authorization.replace("Bearer ", ""));
		if (username == null) {
			respond(exchange, 401, Map.of("error", "invalid_token"));
			return;
		}
		respond(exchange, 200, Map.of("sub", subject(username), "preferred_username", username, "name",
				displayName(username), "email", username + "@clinic.example"));
	}

	private static boolean clientAuthenticated(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		return expected.equals(authorization);
	}

	private static String subject(String username) {
		return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String displayName(String username) {
		return Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Demo";
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	static Map<String, String> parse(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			values.put(name, value);
		}
		return values;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new AssertionError("authorization request rejected: " + message);
		}
	}

}
