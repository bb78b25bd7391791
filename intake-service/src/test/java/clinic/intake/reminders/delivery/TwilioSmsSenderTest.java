package clinic.intake.reminders.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import clinic.intake.reminders.DeliveryFailedException;
import clinic.intake.reminders.ReminderSettings;

/** Twilio's adapter against an HTTP server in the test that answers as Twilio's Messages API does. */
class TwilioSmsSenderTest {

	private HttpServer server;

	private final AtomicReference<Seen> seen = new AtomicReference<>();

	private volatile int answer = 201;

	record Seen(String method, String path, String authorization, String contentType, String body) {
	}

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		seen.set(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"), body));
		var reply = answer == 201 ? "{\"sid\":\"SM123\",\"status\":\"queued\"}"
				: "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}";
		var bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private TwilioSmsSender sender() {
		var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		return new TwilioSmsSender(new ReminderSettings(Duration.ofHours(24), Duration.ofSeconds(15), 20, 5,
				Duration.ofMinutes(1), Duration.ofMinutes(5), new ReminderSettings.Email("log", "x@example.org"),
				new ReminderSettings.Sms("twilio",
						new ReminderSettings.Twilio(base, "AC0123456789", "s3cret-token", "+41445550000"))));
	}

	@Test
	void givenAReminder_whenSentByTwilio_thenTheMessagesApiGetsTheNumberSenderAndTextWithTheAccountsCredentials() {
		sender().send("+41 79 555 12 34", "Reminder: your infusion on Tuesday 1 December 2026, 10:00 at Lakeside.");

		var request = seen.get();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC0123456789/Messages.json");
		assertThat(request.authorization()).isEqualTo("Basic "
				+ Base64.getEncoder().encodeToString("AC0123456789:s3cret-token".getBytes(StandardCharsets.UTF_8)));
		assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
		assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8)).isEqualTo("To=+41795551234&From=+41445550000"
				+ "&Body=Reminder: your infusion on Tuesday 1 December 2026, 10:00 at Lakeside.");
		assertThat(request.body()).startsWith("To=%2B41795551234&From=%2B41445550000&Body=Reminder%3A+your");
	}

	@Test
	void givenTwilioRefusesTheNumber_whenSent_thenTheFailureSaysWhySoTheSenderTriesAgainLater() {
		answer = 400;
		assertThatThrownBy(() -> sender().send("+41 00", "Hi")).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("400")
			.hasMessageContaining("not a valid phone number");
	}

	@Test
	void givenTwilioCannotBeReached_whenSent_thenTheFailureIsADeliveryFailure() {
		var sender = sender();
		server.stop(0);
		assertThatThrownBy(() -> sender.send("+41795551234", "Hi")).isInstanceOf(DeliveryFailedException.class);
	}
}
