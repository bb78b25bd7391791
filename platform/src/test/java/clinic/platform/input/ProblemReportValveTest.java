package clinic.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What Tomcat refuses before any application code runs is answered as problem+json, not HTML or nothing. */
class ProblemReportValveTest {

	private static WebServer server;

	@BeforeAll
	static void start() {
		var factory = new TomcatServletWebServerFactory(0);
		new ProblemReportValve.Installer().customize(factory);
		server = factory.getWebServer(context -> context.addServlet("ok", new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.getWriter().write("ok");
			}
		}).addMapping("/*"));
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void givenANulInThePath_whenRequested_thenA400ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":400");
	}

	@Test
	void givenAVeryLongAddress_whenRequested_thenA414ProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients?q=" + "a".repeat(20_000)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json")
			.doesNotContain("aaaa");
	}

	@Test
	void givenAHugeHeader_whenRequested_thenAProblemDocument() throws IOException {
		var answer = send("GET /api/intake/patients HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json");
	}

	@Test
	void givenAnOrdinaryRequest_whenRequested_thenTheApplicationAnswers() throws IOException {
		assertThat(send("GET /api/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200")
			.endsWith("ok");
	}

	private static String send(String request) throws IOException {
		try (var socket = new Socket("localhost", server.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}
}
