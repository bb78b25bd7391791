package clinic.platform.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A URL subscribed to some of the service's event types; its secret signs every delivery to it. */
public record WebhookSubscription(UUID id, String url, List<String> eventTypes, String secret, boolean active,
		String createdBy, Instant createdAt, @Nullable String deactivatedBy, @Nullable Instant deactivatedAt) {
}
