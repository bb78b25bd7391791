package clinic.platform.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;

/** What an administrator does with webhooks: subscribe, list, deactivate, see deliveries, replay them. */
@Service
public class WebhookAdministration {

	static final int MAX_URL = 2000;

	private static final int SHOWN = 200;

	private final WebhookStore store;

	private final PublishedEventTypes published;

	/** Real time, not the clinic's clock: see the package's description. */
	private final Clock clock = Clock.systemUTC();

	WebhookAdministration(WebhookStore store, PublishedEventTypes published) {
		this.store = store;
		this.published = published;
	}

	/**
	 * Subscribes an absolute http(s) URL to event types this service publishes; the answer holds the secret, which is
	 * never shown again. Bad input names its field ({@code url}, {@code eventTypes[i]}).
	 */
	@Transactional
	public WebhookSubscription subscribe(String url, List<String> eventTypes) {
		var checkedUrl = checkedUrl(url);
		if (eventTypes.isEmpty()) {
			throw new InvalidInputException("eventTypes", "name at least one event type");
		}
		for (int i = 0; i < eventTypes.size(); i++) {
			if (!published.publishes(eventTypes.get(i))) {
				throw new InvalidInputException("eventTypes[" + i + "]", "'" + eventTypes.get(i)
						+ "' is not an event type this service publishes; it publishes " + published.types());
			}
		}
		var subscription = new WebhookSubscription(UUID.randomUUID(), checkedUrl,
				List.copyOf(new LinkedHashSet<>(eventTypes)), WebhookSignature.newSecret(), true, CurrentUser.name(),
				clock.instant(), null, null);
		store.add(subscription);
		return subscription;
	}

	private static String checkedUrl(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw new InvalidInputException("url", "is not a URL: " + e.getReason());
		}
		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new InvalidInputException("url", "must be an absolute http or https URL with a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidInputException("url",
					"must not carry credentials: the receiver checks the signature instead");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidInputException("url", "must not have a fragment (#...)");
		}
		if (url.strip().length() > MAX_URL) {
			throw new InvalidInputException("url", "must be at most " + MAX_URL + " characters");
		}
		return url.strip();
	}

	@Transactional(readOnly = true)
	public List<WebhookSubscription> subscriptions() {
		return store.subscriptions();
	}

	/** Stops sending to the subscription; what it still had pending is given up (FAILED). Kept for its history. */
	@Transactional
	public void deactivate(UUID subscriptionId) {
		var subscription = existing(subscriptionId);
		if (subscription.active()) {
			store.deactivate(subscriptionId, CurrentUser.name(), clock.instant());
		}
	}

	/** The newest 200 deliveries of a subscription, of one status or all. */
	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(UUID subscriptionId, WebhookDelivery.@Nullable Status status) {
		existing(subscriptionId);
		return store.deliveries(subscriptionId, status, SHOWN);
	}

	/** Sends a delivery again (one given up on, or delivered and lost by the receiver), with a fresh set of attempts. */
	@Transactional
	public WebhookDelivery replay(UUID subscriptionId, UUID deliveryId) {
		activeOne(subscriptionId);
		var delivery = store.delivery(subscriptionId, deliveryId)
			.orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
		if (delivery.status() == WebhookDelivery.Status.PENDING) {
			throw new ConflictException("This delivery is still being tried; it cannot be replayed until it is "
					+ "DELIVERED or FAILED");
		}
		store.replay(subscriptionId, deliveryId, CurrentUser.name(), clock.instant());
		return store.delivery(subscriptionId, deliveryId).orElseThrow();
	}

	/** Makes every FAILED delivery of the subscription pending again; returns how many. */
	@Transactional
	public int replayFailed(UUID subscriptionId) {
		activeOne(subscriptionId);
		return store.replay(subscriptionId, null, CurrentUser.name(), clock.instant());
	}

	public List<String> eventTypes() {
		return published.types();
	}

	private WebhookSubscription existing(UUID subscriptionId) {
		return store.subscription(subscriptionId)
			.orElseThrow(() -> new NotFoundException("Webhook subscription", subscriptionId));
	}

	private void activeOne(UUID subscriptionId) {
		if (!existing(subscriptionId).active()) {
			throw new ConflictException("This subscription was deactivated; subscribe the URL again instead");
		}
	}
}
