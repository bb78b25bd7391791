package clinic.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import clinic.platform.events.ClinicEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery row per active subscription to the event's type, as the event is published: inside the
 * publishing transaction ({@link clinic.platform.events.ClinicEvents#publish} requires one), next to the outbox's row,
 * so both commit or neither does. Nothing is sent here: the dispatcher sends after the commit, never holding the
 * event's own transaction up on a receiver. A failure to write fails the change itself, as the outbox would.
 */
@Component
class WebhookRecorder {

	private final WebhookStore store;

	private final JsonMapper json;

	/** Real time, not the clinic's clock: see the package's description. */
	private final Clock clock = Clock.systemUTC();

	WebhookRecorder(WebhookStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	@EventListener
	void on(ClinicEvent event) {
		var type = ClinicEvent.typeOf(event);
		var subscriptions = store.subscribedTo(type);
		if (subscriptions.isEmpty()) {
			return;
		}
		// the same bytes the outbox sends to Kafka as the CloudEvent's data
		var payload = new String(json.writeValueAsBytes(event), StandardCharsets.UTF_8);
		var now = clock.instant();
		for (var subscription : subscriptions) {
			store.addDelivery(subscription, event.eventId(), type, event.patientId().toString(), event.occurredAt(),
					payload, now);
		}
	}
}
