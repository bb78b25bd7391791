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
import java.util.UUID;

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
 * a session (401, anonymous) and a signed-in user's mutation without the CSRF token (403), with the operation, the
 * patient in the path, the client's address and agent. Administrators search the gateway's trail; others may not,
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
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/intake/patients/" + patient))
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
		assertThat(row.clientAddress()).isEqualTo("203.0.113.9");
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
		var found = admin.getJson("/api/gateway-audit?patient=" + patient);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"source\":\"gateway\"", "\"actor\":\"anonymous\"", "\"outcome\":401",
				"\"action\":\"GET /api/intake/patients/{id}\"", patient.toString());
		await().atMost(PATIENCE).until(() -> countWhere("actor = ? and action = 'GET /api/gateway-audit'", "admin") >= 1);

		var clinician = new Browser(this.port);
		clinician.signIn(TestInfrastructure.KEYCLOAK, "/today.html", "clinician");
		var since = countWhere("actor = ? and outcome = 403", "clinician");
		assertThat(clinician.getJson("/api/gateway-audit").statusCode()).isEqualTo(403);
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
