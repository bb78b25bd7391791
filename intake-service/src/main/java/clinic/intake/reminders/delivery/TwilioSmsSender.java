package clinic.intake.reminders.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import clinic.intake.reminders.DeliveryFailedException;
import clinic.intake.reminders.ReminderSettings;
import clinic.intake.reminders.SmsSender;

/**
 * Text messages through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded
 * {@code To}, {@code From} (or {@code MessagingServiceSid} when the sender is one, MG…) and {@code Body}, with HTTP
 * basic authentication by the account sid and auth token. Twilio answers 201 when it has queued the message.
 */
@Component
@ConditionalOnProperty(name = "clinic.intake.reminders.sms.provider", havingValue = "twilio")
public class TwilioSmsSender implements SmsSender {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final ReminderSettings.Twilio twilio;

	public TwilioSmsSender(ReminderSettings settings) {
		this.twilio = settings.sms().twilio();
		if (twilio.accountSid().isBlank() || twilio.authToken().isBlank() || twilio.from().isBlank()) {
			throw new IllegalStateException("clinic.intake.reminders.sms.provider is twilio: set "
					+ "clinic.intake.reminders.sms.twilio.account-sid, auth-token and from");
		}
	}

	@Override
	public void send(String toPhone, String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("To", toPhone.replaceAll("[ ()-]", ""));
		form.put(twilio.from().startsWith("MG") ? "MessagingServiceSid" : "From", twilio.from());
		form.put("Body", body);
		var encoded = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var credentials = Base64.getEncoder()
			.encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
		var base = twilio.baseUri().toString().replaceAll("/+$", "");
		var request = HttpRequest
			.newBuilder(URI.create(base + "/2010-04-01/Accounts/"
					+ URLEncoder.encode(twilio.accountSid(), StandardCharsets.UTF_8) + "/Messages.json"))
			.timeout(TIMEOUT)
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(encoded))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new DeliveryFailedException("Twilio could not be reached: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailedException("interrupted while sending to Twilio", e);
		}
		if (response.statusCode() / 100 != 2) {
			var answer = response.body();
			throw new DeliveryFailedException("Twilio answered " + response.statusCode() + ": "
					+ (answer.length() > 300 ? answer.substring(0, 300) : answer));
		}
	}
}
