package clinic.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import clinic.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator answers on the loopback management port only, and shows nothing but health. */
class ActuatorExposureTest extends GatewayTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void healthIsUpOnTheManagementPortWithoutASession() throws Exception {
		HttpResponse<String> health = get("http://127.0.0.1:" + this.managementPort + "/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void noOtherEndpointIsExposedOnTheManagementPort() throws Exception {
		// The gateway's security chain covers the management port too: without a session the answer is the
		// login redirect, with one a 404. Either way, nothing but health is served.
		for (String endpoint : new String[] { "env", "beans", "configprops", "gateway", "sessions", "mappings" }) {
			HttpResponse<String> response = get("http://127.0.0.1:" + this.managementPort + "/actuator/" + endpoint);
			assertThat(response.statusCode()).as(endpoint).isIn(302, 404);
			assertThat(response.body()).as(endpoint).isEmpty();
		}
	}

	@Test
	void thePublicPortHasNoActuator() throws Exception {
		assertThat(get("http://127.0.0.1:" + this.port + "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get("http://127.0.0.1:" + this.port + "/actuator/health/liveness").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
