package clinic.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.gateway.support.AnotherGateway;
import clinic.gateway.support.Browser;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refusals the gateway answers itself never reach a service, so the gateway records them: a call to /api/** without
 * a session (401, anonymous), a signed-in user's mutation without the CSRF token (403), and the errors written later by
 * the exception handlers (404, 405, 400), with the operation, the patient in the path, the client's address (from
 * X-Forwarded-For only behind a trusted proxy) and agent. Administrators search the gateway's trail; others may not,
 * and the application cannot rewrite it.
 */
class GatewayAuditTest extends GatewayTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	record Row(String actor, String action, @Nullable String kind, List<UUID> patients, int outcome,
			@Nullable String clientAddress, @Nullable String userAgent) {
	}

	@Test
	void givenNoSessionWhenSomeoneCallsTheApiThenTheGatewayRecordsA401ForAnonymousWithThePatientAndWhereFrom()
			throws Exception {
		var patient = UUID.randomUUID();
		var agent = "audit-test-" + UUID.randomUUID();
		var answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/intake/patients/" + patient))
				.header("Accept", "application/json")
				.header("User-Agent", agent)
				.header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(401);

		var row = awaitOnlyRow("user_agent = ?", agent);
		assertThat(row.actor()).isEqualTo("anonymous");
		assertThat(row.outcome()).isEqualTo(401);
		assertThat(row.action()).isEqualTo("GET /api/intake/patients/{id}");
		assertThat(row.kind()).isEqualTo("read");
		assertThat(row.patients()).containsExactly(patient);
		assertThat(row.clientAddress()).as("no proxy is trusted: the caller's own X-Forwarded-For is ignored")
			.isEqualTo("127.0.0.1");
	}

	@Test
	void givenATrustedProxyWhenItForwardsACallThenTheClientItSawIsRecorded() throws Exception {
		try (var behindProxy = AnotherGateway.start("TRUSTED_PROXIES=10.0.0.0/8, 127.0.0.1")) {
			var agent = "audit-test-" + UUID.randomUUID();
			var answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + AnotherGateway.port(behindProxy)
						+ "/api/intake/patients"))
					.header("User-Agent", agent)
					// claimed by the client, then added by an inner proxy (trusted), then by the one connecting
					.header("X-Forwarded-For", "198.51.100.7, 203.0.113.9, 10.1.2.3")
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(answer.statusCode()).isEqualTo(401);

			assertThat(awaitOnlyRow("user_agent = ?", agent).clientAddress())
				.as("the hop before the trusted proxies, not what the client claimed")
				.isEqualTo("203.0.113.9");
		}
	}

	@Test
	void givenASignedInUserWhenTheGatewayAnswersWithAnErrorOfItsOwnThenItIsRecordedWithTheStatusTheCallerGot() {
		var browser = new Browser(this.port);
		browser.signIn(TestInfrastructure.KEYCLOAK, "/patients.html", "nurse");
		browser.get("/patients.html"); // the CSRF cookie, so the DELETE is refused for its method, not its token
		var notFound = "actor = 'nurse' and action = 'GET /api/nope' and outcome = ?";
		var notAllowed = "actor = 'nurse' and action = 'DELETE /api/me' and outcome = ?";
		var notFoundBefore = countWhere(notFound, 404);
		var notAllowedBefore = countWhere(notAllowed, 405);

		assertThat(browser.getJson("/api/nope").statusCode()).isEqualTo(404);
		assertThat(browser.sendJson("DELETE", "/api/me", "", Map.of()).statusCode()).isEqualTo(405);

		await().atMost(PATIENCE).until(() -> countWhere(notFound, 404) == notFoundBefore + 1);
		await().atMost(PATIENCE).until(() -> countWhere(notAllowed, 405) == notAllowedBefore + 1);
	}

	@Test
	void givenAnAdministratorsSearchWithInvalidInputThenTheRefusalIsRecorded() {
		var admin = new Browser(this.port);
		admin.signIn(TestInfrastructure.KEYCLOAK, "/admin.html", "admin");
		var refused = "actor = 'admin' and action = 'GET /api/gateway-audit' and outcome = ?";
		var before = countWhere(refused, 400);

		assertThat(admin.getJson("/api/gateway-audit?patient=x").statusCode()).isEqualTo(400);
		assertThat(admin.getJson("/api/gateway-audit?from=bad").statusCode()).isEqualTo(400);
		assertThat(admin.getJson("/api/gateway-audit?page=100001").statusCode()).isEqualTo(400);
		assertThat(admin.getJson("/api/gateway-audit?user=" + "u".repeat(201)).statusCode()).isEqualTo(400);
		assertThat(admin.getJson("/api/gateway-audit?page=100000&user=" + "u".repeat(200)).statusCode())
			.as("the bounds themselves are allowed")
			.isEqualTo(200);

		await().atMost(PATIENCE).until(() -> countWhere(refused, 400) == before + 4);
	}

	@Test
	void givenAVeryLongPathThenItsRowKeepsABoundedActionAndResource() throws Exception {
		var agent = "audit-test-" + UUID.randomUUID();
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/intake/" + "x".repeat(3000)))
				.header("User-Agent", agent)
				.build(), HttpResponse.BodyHandlers.discarding());

		awaitOnlyRow("user_agent = ?", agent);
		var lengths = this.jdbc
			.sql("select length(action) + length(resource) from gateway_audit_log where user_agent = ?")
			.param(agent)
			.query(Integer.class)
			.single();
		assertThat(lengths).isEqualTo(2 * GatewayAuditLog.TEXT_LENGTH);
	}

	@Test
	void givenASignedInUserWhenAMutationComesWithoutTheCsrfTokenThenTheGatewayRecordsA403ForThatUser() {
		var browser = new Browser(this.port);
		browser.signIn(TestInfrastructure.KEYCLOAK, "/patients.html", "nurse");
		var since = countWhere("actor = ?", "nurse");

		var refused = browser.postForm("/api/intake/patients", "givenName=Ada");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
		await().atMost(PATIENCE).until(() -> countWhere("actor = ?", "nurse") == since + 1);
		var rows = rowsWhere("actor = ?", "nurse");
		var row = rows.get(rows.size() - 1);
		assertThat(row.outcome()).isEqualTo(403);
		assertThat(row.action()).isEqualTo("POST /api/intake/patients");
		assertThat(row.kind()).isEqualTo("create");
	}

	@Test
	void givenRefusalsWhenAnAdministratorSearchesThenTheyAreFoundAndOthersMayNotSearch() throws Exception {
		var patient = UUID.randomUUID();
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/intake/patients/" + patient))
				.build(), HttpResponse.BodyHandlers.discarding());
		await().atMost(PATIENCE).until(() -> countWhere("patient_ids @> array[?]::uuid[]", patient) == 1);

		var admin = new Browser(this.port);
		admin.signIn(TestInfrastructure.KEYCLOAK, "/admin.html", "admin");
		var searches = countWhere("actor = ? and action = 'GET /api/gateway-audit' and outcome = 200", "admin");
		var found = admin.getJson("/api/gateway-audit?patient=" + patient);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"source\":\"gateway\"", "\"actor\":\"anonymous\"", "\"outcome\":401",
				"\"action\":\"GET /api/intake/patients/{id}\"", patient.toString());
		await().atMost(PATIENCE)
			.until(() -> countWhere("actor = ? and action = 'GET /api/gateway-audit' and outcome = 200", "admin")
					== searches + 1);
		assertThat(countWhere("patient_ids @> array[?]::uuid[]", patient))
			.as("the search is recorded naming the patient searched for, as the services' searches are")
			.isEqualTo(2);
		var searchRow = rowsWhere("patient_ids @> array[?]::uuid[]", patient).get(1);
		assertThat(searchRow.actor()).isEqualTo("admin");
		assertThat(searchRow.kind()).isEqualTo("search");
		assertThat(searchRow.patients()).containsExactly(patient);

		var clinician = new Browser(this.port);
		clinician.signIn(TestInfrastructure.KEYCLOAK, "/today.html", "clinician");
		var since = countWhere("actor = ? and outcome = 403", "clinician");
		var refused = clinician.getJson("/api/gateway-audit");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("\"status\":403", "\"title\":\"Not allowed\"");
		await().atMost(PATIENCE).until(() -> countWhere("actor = ? and outcome = 403", "clinician") == since + 1);
	}

	@Test
	void givenTheGatewaysOwnConnectionThenItCannotUpdateDeleteOrTruncateItsAuditLog() throws Exception {
		var agent = "audit-test-" + UUID.randomUUID();
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
				.header("User-Agent", agent)
				.build(), HttpResponse.BodyHandlers.discarding());
		awaitOnlyRow("user_agent = ?", agent);
		// refused by the gateway role's grants (SELECT, INSERT only); under a role with more, by the triggers
		var refused = "(?s).*(permission denied|append-only).*";
		assertThatThrownBy(() -> this.jdbc.sql("update gateway_audit_log set actor = 'x' where user_agent = ?")
			.param(agent)
			.update()).rootCause().hasMessageMatching(refused);
		assertThatThrownBy(() -> this.jdbc.sql("delete from gateway_audit_log where user_agent = ?").param(agent).update())
			.rootCause().hasMessageMatching(refused);
		assertThatThrownBy(() -> this.jdbc.sql("truncate gateway_audit_log").update()).rootCause()
			.hasMessageMatching(refused);
		assertThat(awaitOnlyRow("user_agent = ?", agent).actor()).isEqualTo("anonymous");
	}

	private Row awaitOnlyRow(String condition, Object value) {
		await().atMost(PATIENCE).until(() -> countWhere(condition, value) >= 1);
		var rows = rowsWhere(condition, value);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private long countWhere(String condition, Object value) {
		return this.jdbc.sql("select count(*) from gateway_audit_log where " + condition)
			.param(value)
			.query(Long.class)
			.single();
	}

	private List<Row> rowsWhere(String condition, Object value) {
		return this.jdbc
			.sql("select actor, action, kind, patient_ids, outcome, client_address, user_agent from gateway_audit_log"
					+ " where " + condition + " order by id")
			.param(value)
			.query((rs, n) -> new Row(rs.getString("actor"), rs.getString("action"), rs.getString("kind"),
					Arrays.stream((Object[]) rs.getArray("patient_ids").getArray()).map(UUID.class::cast).toList(),
					rs.getInt("outcome"), rs.getString("client_address"), rs.getString("user_agent")))
			.list();
	}
}
