package clinic.gateway.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses before any route or filter runs is a problem document like its other errors, not a status
 * with an empty body: what Reactor Netty cannot decode, an address that is no URI, and what Spring Security's firewall
 * rejects. Sent over a raw socket, since an HTTP client would refuse to send most of it.
 */
class ServerRefusalsTest extends GatewayTest {

	@LocalServerPort
	private int port;

	@Test
	void givenAnAddressLongerThanTheRequestLineMayBe_whenRequested_thenA414ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertProblem(answer, 414);
		assertThat(answer).doesNotContain("aaaa");
	}

	@Test
	void givenHeadersLargerThanAllowed_whenRequested_thenA431ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertProblem(answer, 431);
		assertThat(answer).doesNotContain("bbbb");
	}

	@Test
	void givenAnEncodedNulInThePath_whenRequested_thenTheFirewallsRefusalIsA400ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertProblem(answer, 400);
		assertThat(TestInfrastructure.INTAKE.received()).isEmpty();
	}

	@Test
	void givenAnEncodedSlashInThePath_whenRequested_thenTheFirewallsRefusalIsA400ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients%2Fx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertProblem(answer, 400);
	}

	@Test
	void givenAnAddressThatIsNoUri_whenRequested_thenA400ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertProblem(answer, 400);
	}

	@Test
	void givenARequestLineThatIsNotHttp_whenSent_thenA400ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n"
				+ "Connection: close\r\n\r\n");
		assertProblem(answer, 400);
	}

	@Test
	void givenAHeadRequestForAnAddressThatIsNoUri_whenRequested_thenA400WithoutBody() throws IOException {
		var answer = send("HEAD /api/intake/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n");
	}

	@Test
	void givenAnOrdinaryApiCallWithoutSession_whenRequested_thenTheGatewaysOwn401IsUnchanged() throws IOException {
		var answer = send("GET /api/intake/patients HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
				+ "Connection: close\r\n\r\n");
		assertProblem(answer, 401);
		assertThat(answer).contains("Sign in to use the clinic's services.");
	}

	private static void assertProblem(String answer, int status) {
		assertThat(answer).startsWith("HTTP/1.1 " + status)
			.containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":" + status)
			.contains("\"title\":\"")
			.contains("\"detail\":\"");
	}

	private String send(String request) throws IOException {
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
