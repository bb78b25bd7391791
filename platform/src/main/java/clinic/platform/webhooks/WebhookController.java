package clinic.platform.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.contracts.Roles;

/**
 * The administrator's webhooks of this service ({@code /api/<service>/webhooks}, docs/integration.md "Webhooks"):
 * subscribe a URL to event types, list and deactivate subscriptions, see each one's deliveries with their status,
 * replay them. Admin only.
 */
@RestController
@PreAuthorize(Roles.IS_ADMIN)
class WebhookController {

	private final WebhookAdministration webhooks;

	WebhookController(WebhookAdministration webhooks) {
		this.webhooks = webhooks;
	}

	/** {@code url}: absolute http(s); {@code eventTypes}: types this service publishes (see .../webhooks/event-types). */
	record NewSubscription(@NotBlank @Size(max = WebhookAdministration.MAX_URL) String url,
			@NotNull @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes) {
	}

	/** A subscription as listed: never its secret. */
	record SubscriptionView(UUID id, String url, List<String> eventTypes, boolean active, String createdBy,
			Instant createdAt, @Nullable String deactivatedBy, @Nullable Instant deactivatedAt) {

		static SubscriptionView of(WebhookSubscription s) {
			return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.active(), s.createdBy(), s.createdAt(),
					s.deactivatedBy(), s.deactivatedAt());
		}
	}

	/** The answer to a subscription: the only time its secret ({@code whsec_...}) is shown. */
	record CreatedSubscription(UUID id, String url, List<String> eventTypes, boolean active, String createdBy,
			Instant createdAt, String secret) {
	}

	record ReplayedCount(int replayed) {
	}

	@PostMapping("/api/${clinic.api.name}/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedSubscription subscribe(@Valid @RequestBody NewSubscription request) {
		var s = webhooks.subscribe(request.url(), request.eventTypes());
		return new CreatedSubscription(s.id(), s.url(), s.eventTypes(), s.active(), s.createdBy(), s.createdAt(),
				s.secret());
	}

	/** Every subscription, newest first, active or not. */
	@GetMapping("/api/${clinic.api.name}/webhooks")
	List<SubscriptionView> subscriptions() {
		return webhooks.subscriptions().stream().map(SubscriptionView::of).toList();
	}

	/** The event types a subscription to this service may name. */
	@GetMapping("/api/${clinic.api.name}/webhooks/event-types")
	List<String> eventTypes() {
		return webhooks.eventTypes();
	}

	/** Deactivates: nothing more is sent; deliveries still pending are given up (FAILED). The history stays. */
	@DeleteMapping("/api/${clinic.api.name}/webhooks/{subscriptionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivate(@PathVariable UUID subscriptionId) {
		webhooks.deactivate(subscriptionId);
	}

	/** The newest 200 deliveries, optionally of one status: PENDING, DELIVERED or FAILED. */
	@GetMapping("/api/${clinic.api.name}/webhooks/{subscriptionId}/deliveries")
	List<WebhookDelivery> deliveries(@PathVariable UUID subscriptionId,
			@RequestParam(required = false) WebhookDelivery.@Nullable Status status) {
		return webhooks.deliveries(subscriptionId, status);
	}

	/** Sends one delivery again (PENDING, attempts counted afresh); 409 while it is still PENDING. */
	@PostMapping("/api/${clinic.api.name}/webhooks/{subscriptionId}/deliveries/{deliveryId}/replay")
	WebhookDelivery replay(@PathVariable UUID subscriptionId, @PathVariable UUID deliveryId) {
		return webhooks.replay(subscriptionId, deliveryId);
	}

	/** Sends every FAILED delivery of the subscription again. */
	@PostMapping("/api/${clinic.api.name}/webhooks/{subscriptionId}/replay-failed")
	ReplayedCount replayFailed(@PathVariable UUID subscriptionId) {
		return new ReplayedCount(webhooks.replayFailed(subscriptionId));
	}
}
