package clinic.gateway.routing;

import java.net.http.HttpResponse;
import java.util.List;

import clinic.gateway.support.AnotherGateway;
import clinic.gateway.support.Browser;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.RecordingService;
import clinic.gateway.support.SilentService;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway in front of two instances of a service ({@code ./clinic up --instances 2}), one of them dead (its port
 * closed): every call, a change with its body included, reaches the live one exactly once, none fails. A refused
 * connection sent nothing, so the gateway sends the call on to the next instance whatever its method.
 */
class InstancesTest extends GatewayTest {

	private static final String INSTANCES = "--spring.cloud.discovery.client.simple.instances.";

	private static RecordingService liveIntake;

	private static RecordingService liveScheduling;

	private static ConfigurableApplicationContext gateway;

	private Browser browser;

	@BeforeAll
	static void startGatewayWithOneDeadInstanceOfEach() {
		liveIntake = RecordingService.start("intake");
		liveScheduling = RecordingService.start("scheduling");
		String dead = SilentService.closedPortUrl();
		gateway = AnotherGateway.start(List.of(INSTANCES + "intake[0].uri=" + dead,
				INSTANCES + "intake[1].uri=" + liveIntake.url(), INSTANCES + "scheduling[0].uri=" + liveScheduling.url(),
				INSTANCES + "scheduling[1].uri=" + dead));
	}

	@AfterAll
	static void stopAll() {
		gateway.close();
	}

	@BeforeEach
	void signIn() {
		this.browser = new Browser(AnotherGateway.port(gateway));
		this.browser.signIn(TestInfrastructure.KEYCLOAK, "/patients.html", "frontdesk");
		// the first page after sign-in writes the CSRF cookie the changes echo
		assertThat(this.browser.get("/patients.html").statusCode()).isEqualTo(200);
		liveIntake.reset();
		liveScheduling.reset();
	}

	@Test
	void everyChangeReachesTheLiveInstanceOnceWithItsBody() {
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> answer = this.browser.postJson("/api/intake/patients", "{\"n\":" + i + "}");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		}

		assertThat(liveIntake.received()).extracting(RecordingService.Received::body)
			.containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
	}

	@Test
	void everyReadOfEitherServiceIsAnswered() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.browser.getJson("/api/scheduling/sites").statusCode()).isEqualTo(201);
			assertThat(this.browser.getJson("/api/intake/patients").statusCode()).isEqualTo(201);
		}

		assertThat(liveScheduling.received()).hasSize(4);
		assertThat(liveIntake.received()).hasSize(4);
	}

}
