package clinic.gateway.session;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import clinic.gateway.support.Browser;
import clinic.gateway.support.FakeKeycloak;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a browser's session lives and when its row is written, watched in the real PostgreSQL table: a new id at
 * sign-in, the idle and absolute timeouts, and reads that do not write the row more than once a minute. The clocks
 * are moved by changing the row, as time passing would.
 */
class SessionLifetimeTest extends GatewayTest {

	private static final FakeKeycloak KEYCLOAK = TestInfrastructure.KEYCLOAK;

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
	void aSessionIdPlantedBeforeSignInIsWorthlessAfterIt() {
		HttpResponse<String> toLogin = this.browser.get("/patients.html");
		HttpResponse<String> toKeycloak = this.browser.get(Browser.location(toLogin));
		String planted = this.browser.cookie("SESSION").orElseThrow();

		this.browser.get(KEYCLOAK.authorize(URI.create(Browser.location(toKeycloak)), "frontdesk").toString());

		String signedIn = this.browser.cookie("SESSION").orElseThrow();
		assertThat(signedIn).isNotEqualTo(planted);
		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);
		Browser fixer = new Browser(this.port);
		fixer.setCookie("SESSION", planted);
		assertThat(fixer.getJson("/api/me").statusCode()).as("the id known before sign-in").isEqualTo(401);
		assertThat(rows(planted)).isZero();
	}

	@Test
	void readsDoNotWriteTheSessionWithinAMinuteOfItsLastStamp() {
		String session = signedInSession();
		String version = rowVersion(session);
		long stamp = lastAccess(session);

		for (int i = 0; i < 3; i++) {
			assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);
			assertThat(this.browser.get("/patients.html").statusCode()).isEqualTo(200);
			assertThat(this.browser.getJson("/api/intake/patients?q=Lovelace").statusCode()).isEqualTo(201);
		}

		assertThat(rowVersion(session)).as("the session row was not updated").isEqualTo(version);
		assertThat(lastAccess(session)).isEqualTo(stamp);
		assertThat(TestInfrastructure.INTAKE.received()).hasSize(3);
	}

	@Test
	void aReadAMinuteAfterTheLastStampMovesTheIdleClockOnce() {
		String session = signedInSession();
		moveClocksBack(session, Duration.ofMinutes(2), Duration.ZERO);
		String version = rowVersion(session);
		long before = Instant.now().toEpochMilli();

		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);
		String touched = rowVersion(session);
		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);

		assertThat(touched).as("stamped").isNotEqualTo(version);
		assertThat(lastAccess(session)).isGreaterThanOrEqualTo(before);
		assertThat(expiry(session)).isEqualTo(lastAccess(session) + Duration.ofMinutes(30).toMillis());
		assertThat(rowVersion(session)).as("and not again within the minute").isEqualTo(touched);
	}

	@Test
	void aSessionIdleForThirtyMinutesIsGone() {
		String session = signedInSession();

		moveClocksBack(session, Duration.ofMinutes(31), Duration.ZERO);

		assertSignedOut(session);
	}

	@Test
	void aSessionIdleForLessThanThirtyMinutesStays() {
		String session = signedInSession();

		moveClocksBack(session, Duration.ofMinutes(29), Duration.ZERO);

		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);
		assertThat(rows(session)).isOne();
	}

	@Test
	void aBusySessionEndsTenHoursAfterSignIn() {
		String session = signedInSession();

		moveClocksBack(session, Duration.ZERO, Duration.ofHours(10).plusMinutes(1));

		assertSignedOut(session);
	}

	@Test
	void aBusySessionYoungerThanTenHoursStays() {
		String session = signedInSession();

		moveClocksBack(session, Duration.ZERO, Duration.ofHours(9).plusMinutes(59));

		assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200);
	}

	/** Signed in, with the first page loaded (its CSRF token made and saved). */
	private String signedInSession() {
		this.browser.signIn(KEYCLOAK, "/patients.html", "frontdesk");
		assertThat(this.browser.get("/patients.html").statusCode()).isEqualTo(200);
		assertThat(this.browser.cookie("XSRF-TOKEN")).isPresent();
		return this.browser.cookie("SESSION").orElseThrow();
	}

	private void assertSignedOut(String session) {
		HttpResponse<String> api = this.browser.getJson("/api/me");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(rows(session)).as("the row is deleted").isZero();
		HttpResponse<String> page = this.browser.get("/patients.html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(Browser.location(page)).endsWith("/oauth2/authorization/keycloak");
	}

	/** As if the session was last used {@code idle} ago and created {@code age} before that. */
	private void moveClocksBack(String session, Duration idle, Duration age) {
		this.jdbc.update("""
				UPDATE spring_session SET last_access_time = last_access_time - ?,
				  expiry_time = expiry_time - ?, creation_time = creation_time - ? - ?
				WHERE session_id = ?""", idle.toMillis(), idle.toMillis(), idle.toMillis(), age.toMillis(), session);
	}

	/** PostgreSQL's row version: changes with every UPDATE of the row. */
	private String rowVersion(String session) {
		return this.jdbc.queryForObject("SELECT xmin::text FROM spring_session WHERE session_id = ?", String.class,
				session);
	}

	private long lastAccess(String session) {
		return this.jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE session_id = ?",
				Long.class, session);
	}

	private long expiry(String session) {
		return this.jdbc.queryForObject("SELECT expiry_time FROM spring_session WHERE session_id = ?", Long.class,
				session);
	}

	private int rows(String session) {
		List<Integer> found = this.jdbc.queryForList("SELECT 1 FROM spring_session WHERE session_id = ?",
				Integer.class, session);
		return found.size();
	}

}
