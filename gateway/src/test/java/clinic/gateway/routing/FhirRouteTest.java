package clinic.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;

/**
 * Another system's FHIR calls reach the service that owns the resource (intake: Patient, ServiceRequest; scheduling:
 * Location, Schedule, Appointment; session: Encounter, MedicationAdministration, AdverseEvent) as sent, with its own bearer token: no session is needed or made, no CSRF token
 * asked for a create, and paths FHIR does not serve here go nowhere. ({@code /fhir/metadata} is the gateway's own:
 * {@code FhirMetadataTest}.)
 */
class FhirRouteTest extends GatewayTest {

	private static final String TOKEN = "Bearer integration.token.value";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	private WebTestClient client;

	@LocalServerPort
	private int port;

	@BeforeEach
	void bindClient() {
		// the first call through a route starts its service's load balancer: more than the default 5 s on a busy machine
		this.client = WebTestClient.bindToApplicationContext(this.context).configureClient()
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void givenABearerTokenThenASearchReachesIntakeWithTheTokenAndThePathAsSent() {
		var sessions = sessionRows();

		var answer = this.client.get()
			.uri("/fhir/Patient?family=lovelace&_count=2")
			.header("Authorization", TOKEN)
			.exchange()
			.expectStatus()
			.isCreated() // the stand-in's answer, passed back
			.returnResult(String.class);

		var received = TestInfrastructure.INTAKE.last();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.path()).isEqualTo("/fhir/Patient?family=lovelace&_count=2");
		assertThat(received.header("Authorization")).containsExactly(TOKEN);
		assertThat(answer.getResponseHeaders().get("Set-Cookie")).as("no session made").isNull();
		assertThat(sessionRows()).as("no session stored").isEqualTo(sessions);
	}

	@Test
	void givenForwardedHeadersAClientMadeUpThenIntakeGetsTheGatewaysOwnAddressAndTheClientsInstead() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/fhir/Patient?_count=2")
			.header("Authorization", TOKEN)
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.exchange()
			.expectStatus()
			.isCreated();

		// intake's paging links must name the gateway (and its audit rows the client), not what a client claims
		var received = TestInfrastructure.INTAKE.last();
		assertThat(received.header("X-Forwarded-Host")).containsExactly("localhost:" + this.port);
		assertThat(received.header("X-Forwarded-Proto")).containsExactly("http");
		assertThat(received.header("X-Forwarded-Port")).containsExactly(Integer.toString(this.port));
		assertThat(received.header("X-Forwarded-For")).containsExactly("127.0.0.1");
	}

	@Test
	void givenACreateWithABearerTokenThenItNeedsNoCsrfTokenAndNoCookieIsPassedOn() {
		this.client.post()
			.uri("/fhir/ServiceRequest")
			.header("Authorization", TOKEN)
			.header("Cookie", "SESSION=someone-elses")
			.header("Content-Type", "application/fhir+json")
			.bodyValue("{\"resourceType\":\"ServiceRequest\"}")
			.exchange()
			.expectStatus()
			.isCreated();

		var received = TestInfrastructure.INTAKE.last();
		assertThat(received.path()).isEqualTo("/fhir/ServiceRequest");
		assertThat(received.body()).isEqualTo("{\"resourceType\":\"ServiceRequest\"}");
		assertThat(received.header("Authorization")).containsExactly(TOKEN);
		assertThat(received.header("Cookie")).isEmpty();
	}

	@Test
	void givenSchedulingsResourcesThenEachPathReachesSchedulingWithTheTokenAndNoSession() {
		var sessions = sessionRows();
		for (var path : new String[] { "/fhir/Appointment?patient=Patient%2F7c0e1f2a-0000-4000-8000-000000000001"
				+ "&date=ge2026-12-01&_count=2", "/fhir/Location/7c0e1f2a-0000-4000-8000-000000000002",
				"/fhir/Schedule?actor=Location/7c0e1f2a-0000-4000-8000-000000000002",
				"/fhir/Slot?schedule=Schedule/7c0e1f2a-0000-4000-8000-000000000002&status=free" }) {
			this.client.get().uri(URI.create(path)).header("Authorization", TOKEN).exchange().expectStatus().isCreated();
			var received = TestInfrastructure.SCHEDULING.last();
			assertThat(received.path()).isEqualTo(path);
			assertThat(received.header("Authorization")).containsExactly(TOKEN);
		}
		assertThat(TestInfrastructure.SCHEDULING.received()).hasSize(4);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
		assertThat(sessionRows()).as("no session stored").isEqualTo(sessions);
	}

	@Test
	void givenSessionsResourcesThenEachPathReachesSessionWithTheTokenAndNoSession() {
		var sessions = sessionRows();
		var paths = new String[] { "/fhir/Encounter?patient=Patient%2F7c0e1f2a-0000-4000-8000-000000000001"
				+ "&date=ge2026-12-01&status=finished&_count=2", "/fhir/Encounter/7c0e1f2a-0000-4000-8000-000000000003",
				"/fhir/MedicationAdministration?patient=Patient/7c0e1f2a-0000-4000-8000-000000000001",
				"/fhir/AdverseEvent/side-effect-12" };
		for (var path : paths) {
			this.client.get().uri(URI.create(path)).header("Authorization", TOKEN).exchange().expectStatus().isCreated();
			var received = TestInfrastructure.SESSION.last();
			assertThat(received.path()).isEqualTo(path);
			assertThat(received.header("Authorization")).containsExactly(TOKEN);
		}
		assertThat(TestInfrastructure.SESSION.received()).hasSize(paths.length);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
		assertThat(TestInfrastructure.SCHEDULING.received()).isEmpty();
		assertThat(sessionRows()).as("no session stored").isEqualTo(sessions);
	}

	@Test
	void givenTheIheSchedulingOperationsThenEachPostReachesSchedulingAsSentWithNoCsrfToken() {
		for (var operation : new String[] { "$find", "$hold", "$book" }) {
			var body = "{\"resourceType\":\"Parameters\",\"id\":\"" + operation.substring(1) + "\"}";
			this.client.post()
				.uri(URI.create("/fhir/Appointment/" + operation))
				.header("Authorization", TOKEN)
				.header("Content-Type", "application/fhir+json")
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated();

			var received = TestInfrastructure.SCHEDULING.last();
			assertThat(received.method()).isEqualTo("POST");
			assertThat(received.path()).isEqualTo("/fhir/Appointment/" + operation);
			assertThat(received.body()).isEqualTo(body);
			assertThat(received.header("Authorization")).containsExactly(TOKEN);
		}
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
	}

	@Test
	void givenAFhirPathNoServiceServesThenNoServiceIsCalled() {
		this.client.get()
			.uri("/fhir/Practitioner")
			.header("Authorization", TOKEN)
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
		assertThat(TestInfrastructure.SCHEDULING.received()).isEmpty();
		assertThat(TestInfrastructure.SESSION.received()).isEmpty();
	}

	private long sessionRows() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}
}
