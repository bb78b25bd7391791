package clinic.platform.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import clinic.contracts.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one delivery: a CloudEvent in HTTP binary mode (the {@code ce-*} headers, the event's JSON as the body) with
 * the Standard Webhooks headers ({@code webhook-id} = the delivery's id, the same on every retry;
 * {@code webhook-timestamp}; {@code webhook-signature}). Redirects are not followed (a 3xx is a failed attempt), and
 * connecting and answering each have a time limit.
 */
@Component
class WebhookSender {

	/** What came of an attempt: the status the receiver answered, or why there was none. */
	record Outcome(@Nullable Integer statusCode, @Nullable String error) {

		boolean delivered() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}
	}

	private final HttpClient http;

	private final WebhookSettings settings;

	/** Real time, not the clinic's clock: see the package's description. */
	private final Clock clock = Clock.systemUTC();

	private final String source;

	private final JsonMapper json;

	WebhookSender(WebhookSettings settings, JsonMapper json,
			@Value("${spring.application.name}") String application) {
		this.settings = settings;
		this.json = json;
		this.source = "/clinic/" + application;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			// HTTP/1.1: no h2c upgrade attempt on plain http (receivers behind simple servers mishandle it)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * The event's own {@code occurredAt} as its data says it (nanoseconds included, as the Kafka record's ce_time);
	 * the stored column keeps microseconds only.
	 */
	private String time(WebhookStore.Claimed delivery) {
		var occurredAt = delivery.occurredAt();
		try {
			var node = json.readTree(delivery.payload()).get("occurredAt");
			if (node != null && node.isString()) {
				occurredAt = Instant.parse(node.asString());
			}
		}
		catch (RuntimeException e) {
			// the stored column then
		}
		return DateTimeFormatter.ISO_INSTANT.format(occurredAt.atOffset(ZoneOffset.UTC));
	}

	Outcome send(WebhookStore.Claimed delivery) {
		var body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		var webhookId = delivery.id().toString();
		var timestamp = clock.instant().getEpochSecond();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(settings.readTimeout())
				.header("content-type", "application/json")
				.header("ce-specversion", "1.0")
				.header("ce-id", delivery.eventId().toString())
				.header("ce-type", delivery.eventType())
				.header("ce-source", source)
				.header("ce-subject", delivery.subject())
				.header("ce-time", time(delivery))
				.header("ce-dataschema", EventSchemas.schemaPath(delivery.eventType()))
				.header("webhook-id", webhookId)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", WebhookSignature.sign(delivery.secret(), webhookId, timestamp, body))
				.header("user-agent", "clinic-webhooks" + source)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
		}
		catch (IllegalArgumentException e) {
			return new Outcome(null, "not a URL this sender can call: " + e.getMessage());
		}
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.discarding());
			return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null
					: "the receiver answered " + response.statusCode());
		}
		catch (IOException e) {
			return new Outcome(null, e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted while sending");
		}
	}
}
