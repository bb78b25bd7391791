package clinic.gateway.outage;

import java.net.http.HttpResponse;
import java.time.Duration;

import clinic.gateway.support.AnotherGateway;
import clinic.gateway.support.Browser;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.RestartablePostgres;
import clinic.gateway.support.SilentService;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a signed-in browser gets while a part behind the gateway is down: a gateway of its own whose intake route
 * points at a closed port, whose scheduling route at a service that never answers, and whose session store is a
 * PostgreSQL this test stops and starts again. Each answer is problem+json within seconds, never Spring's 500 or a
 * 30-second hang, and the gateway recovers by itself.
 */
class OutageTest extends GatewayTest {

	private static final String RESPONSE_TIMEOUT = "2s";

	private static RestartablePostgres sessionStore;

	private static SilentService hungScheduling;

	private static ConfigurableApplicationContext gateway;

	@LocalServerPort
	private int sharedGatewayPort;

	private Browser browser;

	@BeforeAll
	static void startGatewayWithItsOwnStore() {
		sessionStore = RestartablePostgres.start();
		hungScheduling = SilentService.start();
		// its own throw-away store has no clinic roles: the superuser runs the migrations and the pool (the role tests
		// are ApplicationRoleTest's, on the shared store)
		gateway = AnotherGateway.start("DB_URL=" + sessionStore.jdbcUrl(), "DB_USER=postgres", "DB_PASSWORD=postgres",
				"DB_OWNER_USER=postgres", "DB_OWNER_PASSWORD=postgres", "INTAKE_URL=" + SilentService.closedPortUrl(),
				"SCHEDULING_URL=" + hungScheduling.url(), "GATEWAY_RESPONSE_TIMEOUT=" + RESPONSE_TIMEOUT);
	}

	@AfterAll
	static void stopAll() {
		gateway.close();
		hungScheduling.close();
		sessionStore.close();
	}

	@BeforeEach
	void signIn() {
		this.browser = new Browser(AnotherGateway.port(gateway));
		this.browser.signIn(TestInfrastructure.KEYCLOAK, "/patients.html", "frontdesk");
		assertThat(this.browser.getJson("/api/session/appointments").statusCode()).isEqualTo(201);
	}

	@Test
	void anUnreachableServiceIsA503WithRetryAfterAtOnce() {
		long started = System.nanoTime();
		HttpResponse<String> answer = this.browser.getJson("/api/intake/patients");

		assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
		assertProblem(answer, 503, "Service unavailable");
		assertThat(answer.body()).contains("The intake service cannot be reached");
		assertThat(answer.headers().firstValue("Retry-After")).hasValue(OutageProblems.RETRY_AFTER_SECONDS);
	}

	@Test
	void anUnreachableServiceIsRecordedInTheGatewaysAuditTrailForNoServiceSawTheCall() {
		JdbcClient auditLog = gateway.getBean(JdbcClient.class);
		String unreachable = "select count(*) from gateway_audit_log where actor = 'frontdesk' and outcome = 503"
				+ " and action = 'GET /api/intake/patients'";
		long before = auditLog.sql(unreachable).query(Long.class).single();

		assertThat(this.browser.getJson("/api/intake/patients").statusCode()).isEqualTo(503);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> auditLog.sql(unreachable).query(Long.class).single() == before + 1);
		assertThat(auditLog.sql("select count(*) from gateway_audit_log where action = 'GET /api/session/appointments'")
			.query(Long.class)
			.single()).as("a call a service answered is the service's to record").isZero();
	}

	@Test
	void keycloakUnreachableWhileATokenIsRefreshedIsA503NamingTheSignInServiceAndKeepsTheSession() {
		// the shared gateway, whose intake route works: only Keycloak fails
		Browser shared = new Browser(this.sharedGatewayPort);
		TestInfrastructure.KEYCLOAK.accessTokenLifetime(30); // inside the 60 s clock skew: due for refresh at once
		shared.signIn(TestInfrastructure.KEYCLOAK, "/patients.html", "frontdesk");
		TestInfrastructure.KEYCLOAK.accessTokenLifetime(300);
		TestInfrastructure.KEYCLOAK.refreshUnreachable(true);

		HttpResponse<String> answer = shared.getJson("/api/intake/patients");

		assertProblem(answer, 503, "Sign-in service unavailable");
		assertThat(answer.body()).contains("The sign-in service cannot be reached");
		assertThat(answer.headers().firstValue("Retry-After")).hasValue(OutageProblems.RETRY_AFTER_SECONDS);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();

		TestInfrastructure.KEYCLOAK.refreshUnreachable(false);
		assertThat(shared.getJson("/api/intake/patients").statusCode()).as("still signed in, refreshed now")
			.isEqualTo(201);
		assertThat(TestInfrastructure.KEYCLOAK.refreshGrants()).isEqualTo(1);
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeIsA504AfterTheResponseTimeout() {
		long started = System.nanoTime();
		HttpResponse<String> answer = this.browser.getJson("/api/scheduling/courses");

		assertThat(elapsed(started)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
		assertProblem(answer, 504, "Service did not answer in time");
		assertThat(answer.body()).contains("The scheduling service did not answer in time");
	}

	@Test
	void withTheSessionStoreDownRequestsAre503WithinSecondsAndTheGatewayRecoversByItself() {
		sessionStore.stop();
		try {
			long started = System.nanoTime();
			HttpResponse<String> api = this.browser.getJson("/api/me");
			Duration apiTook = elapsed(started);
			HttpResponse<String> page = this.browser.get("/patients.html");

			assertThat(apiTook).as("Hikari's connection timeout (2 s), not 30 s").isLessThan(Duration.ofSeconds(6));
			assertProblem(api, 503, "Sign-in store unavailable");
			assertThat(api.headers().firstValue("Retry-After")).hasValue(OutageProblems.RETRY_AFTER_SECONDS);
			assertProblem(page, 503, "Sign-in store unavailable");
		}
		finally {
			sessionStore.restart();
		}

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.browser.getJson("/api/me").statusCode()).isEqualTo(200));
		assertThat(this.browser.getJson("/api/session/appointments").statusCode()).as("still signed in")
			.isEqualTo(201);
	}

	private static void assertProblem(HttpResponse<String> answer, int status, String title) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":" + status, "\"title\":\"" + title + "\"");
	}

	private static Duration elapsed(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

}
