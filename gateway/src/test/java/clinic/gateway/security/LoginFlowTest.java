package clinic.gateway.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import clinic.gateway.support.AnotherGateway;
import clinic.gateway.support.Browser;
import clinic.gateway.support.FakeKeycloak;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.RecordingService.Received;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole BFF path over real HTTP, with a stand-in Keycloak: login with PKCE, the session and its tokens in
 * PostgreSQL, TokenRelay to a service without the browser's cookies, refresh, expiry, logout that ends the Keycloak
 * session server-side, and a second gateway serving the same session.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginFlowTest extends GatewayTest {

	private static final FakeKeycloak KEYCLOAK = TestInfrastructure.KEYCLOAK;

	private static final String PATIENT = "{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"birthDate\":\"1985-12-10\","
			+ "\"phone\":\"+41 44 000 00 00\",\"referral\":{\"referringClinician\":\"Dr. Who\",\"reason\":\"TRD\","
			+ "\"indication\":\"TREATMENT_RESISTANT_DEPRESSION\"}}";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new Browser(this.port);
	}

	@Test
	void signsInWithPkceAndKeepsTheSessionInPostgres() {
		HttpResponse<String> toLogin = this.browser.get("/patients.html");
		assertThat(toLogin.statusCode()).isEqualTo(302);
		HttpResponse<String> toKeycloak = this.browser.get(Browser.location(toLogin));
		String sessionBeforeLogin = this.browser.cookie("SESSION").orElseThrow();
		List<String> setCookies = new ArrayList<>(toLogin.headers().allValues("Set-Cookie"));
		setCookies.addAll(toKeycloak.headers().allValues("Set-Cookie"));
		assertThat(setCookies).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));

		HttpResponse<String> back = this.browser
			.get(KEYCLOAK.authorize(URI.create(Browser.location(toKeycloak)), "frontdesk").toString());

		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(Browser.location(back)).contains("/patients.html");
		assertThat(KEYCLOAK.lastCodeVerifier()).as("PKCE verifier sent with the code").isNotBlank();
		String session = this.browser.cookie("SESSION").orElseThrow();
		assertThat(session).as("a new session id after login").isNotEqualTo(sessionBeforeLogin);
		assertThat(principalOf(session)).containsExactly("frontdesk");
		assertThat(principalOf(sessionBeforeLogin)).isEmpty();
	}

	@Test
	void meShowsTheRealmRolesFromTheIdToken() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "clinician");

		HttpResponse<String> me = this.browser.getJson("/api/me");

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"clinician\"", "\"name\":\"Clinician Demo\"",
				"\"roles\":[\"clinician\"]");
	}

	@Test
	void relaysTheAccessTokenWithoutTheBrowsersCookiesAndDoesNotRefreshAValidToken() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		HttpResponse<String> page = this.browser.get("/patients.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<div id=\"app\"></div>", "/assets/patients-");
		assertThat(this.browser.cookie("XSRF-TOKEN")).isPresent();

		HttpResponse<String> created = this.browser.postJson("/api/intake/patients", PATIENT);
		HttpResponse<String> listed = this.browser.getJson("/api/intake/patients?q=Lovelace");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(listed.statusCode()).isEqualTo(201);
		List<Received> received = TestInfrastructure.INTAKE.received();
		assertThat(received).hasSize(2);
		Received post = received.get(0);
		assertThat(post.path()).isEqualTo("/api/intake/patients");
		assertThat(post.body()).isEqualTo(PATIENT);
		assertThat(received).allSatisfy(request -> {
			assertThat(request.header("Authorization")).singleElement()
				.satisfies(value -> assertThat(KEYCLOAK.isAccessToken(value.substring("Bearer ".length())))
					.as("a token Keycloak issued: %s", value)
					.isTrue());
			assertThat(request.header("Cookie")).isEmpty();
			assertThat(request.header("X-XSRF-TOKEN")).isEmpty();
		});
		assertThat(received.get(1).path()).isEqualTo("/api/intake/patients?q=Lovelace");
		assertThat(KEYCLOAK.codeGrants()).isEqualTo(1);
		assertThat(KEYCLOAK.refreshGrants()).as("no refresh while the access token is valid").isZero();
	}

	@Test
	void mutationWithoutTheCsrfHeaderIsRefusedEvenWithTheCookie() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		this.browser.get("/patients.html");
		String session = this.browser.cookie("SESSION").orElseThrow();

		HttpResponse<String> forged = this.browser.postForm("/logout", "");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(principalOf(session)).containsExactly("frontdesk");
	}

	@Test
	void refreshesAnExpiringAccessTokenOnceAndKeepsTheNewOneInTheSession() {
		KEYCLOAK.accessTokenLifetime(30); // inside the 60 s clock skew: due for refresh at once
		this.browser.signIn(KEYCLOAK, "/patients.html", "nurse");
		KEYCLOAK.accessTokenLifetime(300);

		this.browser.getJson("/api/session/appointments");
		this.browser.getJson("/api/session/appointments");
		this.browser.getJson("/api/session/appointments");

		assertThat(KEYCLOAK.refreshGrants()).isEqualTo(1);
		List<String> relayed = TestInfrastructure.SESSION.received()
			.stream()
			.map(request -> request.header("Authorization").get(0))
			.toList();
		assertThat(relayed).hasSize(3).containsOnly(relayed.get(0));
	}

	@Test
	void endsTheSessionWhenKeycloakNoLongerRefreshes() {
		KEYCLOAK.accessTokenLifetime(30);
		this.browser.signIn(KEYCLOAK, "/calendar.html", "frontdesk");
		String session = this.browser.cookie("SESSION").orElseThrow();
		KEYCLOAK.rejectRefresh();
		java.sql.Timestamp signedIn = this.jdbc.queryForObject("SELECT clock_timestamp()", java.sql.Timestamp.class);

		HttpResponse<String> call = this.browser.getJson("/api/scheduling/courses");

		assertThat(call.statusCode()).isEqualTo(401);
		assertThat(call.body()).contains("Sign-in expired");
		assertThat(TestInfrastructure.SCHEDULING.received()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.alias("recorded by the gateway: the route matched, but no service saw the call")
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM gateway_audit_log WHERE outcome = 401"
					+ " AND action = 'GET /api/scheduling/courses' AND at > ?", Long.class, signedIn) == 1);
		assertThat(principalOf(session)).isEmpty();
		HttpResponse<String> page = this.browser.get("/calendar.html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(Browser.location(page)).endsWith("/oauth2/authorization/keycloak");
	}

	@Test
	void logoutEndsTheKeycloakSessionServerSideAndDeletesTheSession() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		String refreshToken = KEYCLOAK.lastRefreshToken();
		this.browser.get("/patients.html");
		String session = this.browser.cookie("SESSION").orElseThrow();
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		assertThat(KEYCLOAK.sessionAlive(refreshToken)).isTrue();

		HttpResponse<String> logout = this.browser.postForm("/logout",
				"_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(Browser.location(logout)).as("home, with no token in the URL").isEqualTo("/");
		assertThat(KEYCLOAK.logouts()).containsExactly(new FakeKeycloak.Logout("frontdesk", FakeKeycloak.CLIENT_ID));
		assertThat(KEYCLOAK.sessionAlive(refreshToken)).as("the Keycloak session is ended").isFalse();
		assertThat(principalOf(session)).isEmpty();
		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(401);
		HttpResponse<String> home = this.browser.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(Browser.location(home)).endsWith("/oauth2/authorization/keycloak");
	}

	@Test
	void whenKeycloakFailsAtLogoutAWarningIsLoggedAndTheGatewaysSessionIsDeletedAllTheSame(CapturedOutput output) {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		String refreshToken = KEYCLOAK.lastRefreshToken();
		this.browser.get("/patients.html");
		String session = this.browser.cookie("SESSION").orElseThrow();
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		KEYCLOAK.failLogout();

		HttpResponse<String> logout = this.browser.postForm("/logout",
				"_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(Browser.location(logout)).isEqualTo("/");
		assertThat(KEYCLOAK.logouts()).isEmpty();
		assertThat(KEYCLOAK.sessionAlive(refreshToken)).as("Keycloak did not end its session").isTrue();
		assertThat(output.getOut()).as("an operator learns that the Keycloak session lives on")
			.contains("WARN")
			.contains("Keycloak did not end the session of frontdesk at logout");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?", Long.class,
				session)).as("the gateway's session row is deleted").isZero();
		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void anAnonymousPageLoadGetsNoCsrfTokenAndAnAnonymousApiCallNoSession() {
		Browser anonymous = new Browser(this.port);

		HttpResponse<String> page = anonymous.get("/patients.html");
		HttpResponse<String> api = anonymous.getJson("/api/me");

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(anonymous.cookie("XSRF-TOKEN")).isEmpty();
		assertThat(api.headers().allValues("Set-Cookie")).as("no session for a refused API call").isEmpty();
		// the page's redirect keeps the page to return to after login, and nothing more: no CSRF token
		String session = anonymous.cookie("SESSION").orElseThrow();
		assertThat(this.jdbc.queryForList("SELECT a.attribute_name FROM spring_session_attributes a"
				+ " JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?",
				String.class, session))
			.noneSatisfy(attribute -> assertThat(attribute).containsIgnoringCase("csrf"));
	}

	@Test
	void aSecondGatewayServesTheSameSession() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		this.browser.get("/patients.html");

		try (ConfigurableApplicationContext second = AnotherGateway.start()) {
			this.browser.useGatewayOnPort(AnotherGateway.port(second));

			HttpResponse<String> me = this.browser.getJson("/api/me");
			HttpResponse<String> created = this.browser.postJson("/api/intake/patients", PATIENT);

			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains("\"username\":\"frontdesk\"");
			assertThat(created.statusCode()).isEqualTo(201);
			assertThat(TestInfrastructure.INTAKE.last().header("Authorization")).singleElement()
				.satisfies(value -> assertThat(value).startsWith("Bearer at-"));
			assertThat(KEYCLOAK.codeGrants()).isEqualTo(1);
		}
	}

	private List<String> principalOf(String sessionId) {
		return this.jdbc.queryForList("SELECT principal_name FROM spring_session WHERE session_id = ?", String.class,
				sessionId);
	}

}
