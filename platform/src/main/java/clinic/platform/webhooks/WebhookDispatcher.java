package clinic.platform.webhooks;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, on a schedule, from the database alone: each is claimed on its own (a lease long enough for
 * one attempt, {@link WebhookStore#claim}), sent with no transaction open, and its outcome written. A 2xx delivers it;
 * anything else waits its backoff, until the attempts or the age allowed are used up, and then it is FAILED. Any
 * number of replicas may run this side by side; one that dies mid-send leaves its claim to expire, and the delivery is
 * sent again (at least once: receivers tell repeats by {@code webhook-id}).
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookStore store;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	/** Real time, not the clinic's clock: see the package's description. */
	private final Clock clock = Clock.systemUTC();

	private final AtomicLong rounds = new AtomicLong();

	WebhookDispatcher(WebhookStore store, WebhookSender sender, WebhookSettings settings) {
		this.store = store;
		this.sender = sender;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${clinic.webhooks.dispatch-interval}",
			initialDelayString = "${clinic.webhooks.dispatch-interval}")
	void dispatch() {
		try {
			for (int sent = 0; sent < settings.batchSize(); sent++) {
				var now = clock.instant();
				var lease = settings.connectTimeout().plus(settings.readTimeout()).plus(settings.claimTimeout());
				var claimed = store.claim(now, now.plus(lease), 1);
				if (claimed.isEmpty()) {
					break;
				}
				attempt(claimed.get(0));
			}
		}
		catch (RuntimeException e) {
			log.warn("Sending webhook deliveries failed; will try again: {}", e.getMessage());
		}
		finally {
			rounds.incrementAndGet();
		}
	}

	private void attempt(WebhookStore.Claimed delivery) {
		var outcome = sender.send(delivery);
		var at = clock.instant();
		var attempts = delivery.attempts() + 1;
		if (outcome.delivered()) {
			store.attempted(delivery.id(), WebhookDelivery.Status.DELIVERED, at, outcome.statusCode(), null, at);
			return;
		}
		var next = at.plus(settings.backoff(attempts, ThreadLocalRandom.current().nextDouble()));
		var tooOld = next.isAfter(delivery.pendingSince().plus(settings.maxAge()));
		if (attempts >= settings.maxAttempts() || tooOld) {
			log.warn("Webhook delivery {} ({} {}) to {} failed {} times; given up: {}", delivery.id(),
					delivery.eventType(), delivery.eventId(), delivery.url(), attempts, outcome.error());
			store.attempted(delivery.id(), WebhookDelivery.Status.FAILED, at, outcome.statusCode(), outcome.error(),
					at);
		}
		else {
			store.attempted(delivery.id(), WebhookDelivery.Status.PENDING, at, outcome.statusCode(), outcome.error(),
					next);
		}
	}

	/** How many dispatch rounds have finished since the service started (tests wait for rounds, not time). */
	public long rounds() {
		return rounds.get();
	}
}
