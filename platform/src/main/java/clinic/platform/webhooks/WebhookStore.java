package clinic.platform.webhooks;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook tables ({@code db/platform/V0_3__webhooks.sql}): subscriptions and their deliveries. */
@Repository
public class WebhookStore {

	/** A delivery claimed for sending, with what sending it needs of its subscription. */
	record Claimed(UUID id, UUID eventId, String eventType, String subject, Instant occurredAt, String payload,
			int attempts, Instant pendingSince, String url, String secret) {
	}

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WebhookSubscription subscription) {
		jdbc.sql("""
				insert into webhook_subscription (id, url, event_types, secret, active, created_by, created_at)
				values (:id, :url, cast(:types as text[]), :secret, true, :by, :at)""")
			.param("id", subscription.id())
			.param("url", subscription.url())
			// the types are checked against the published ones (clinic.<service>.<name>.v<n>): no commas or quotes
			.param("types", "{" + String.join(",", subscription.eventTypes()) + "}")
			.param("secret", subscription.secret())
			.param("by", subscription.createdBy())
			.param("at", timestamp(subscription.createdAt()))
			.update();
	}

	List<WebhookSubscription> subscriptions() {
		return jdbc.sql("select * from webhook_subscription order by created_at desc")
			.query(WebhookStore::subscription)
			.list();
	}

	Optional<WebhookSubscription> subscription(UUID id) {
		return jdbc.sql("select * from webhook_subscription where id = :id")
			.param("id", id)
			.query(WebhookStore::subscription)
			.optional();
	}

	/** The active subscriptions to an event type. */
	List<UUID> subscribedTo(String eventType) {
		return jdbc.sql("select id from webhook_subscription where active and :type = any (event_types)")
			.param("type", eventType)
			.query(UUID.class)
			.list();
	}

	/** Deactivates a subscription and gives up on what it still had to send; returns whether it was active. */
	boolean deactivate(UUID id, String by, Instant at) {
		var changed = jdbc.sql("""
				update webhook_subscription set active = false, deactivated_by = :by, deactivated_at = :at
				where id = :id and active""")
			.param("id", id)
			.param("by", by)
			.param("at", timestamp(at))
			.update() == 1;
		jdbc.sql("""
				update webhook_delivery set status = 'FAILED', last_error = 'subscription deactivated'
				where subscription_id = :id and status = 'PENDING'""").param("id", id).update();
		return changed;
	}

	/** A new delivery, due now; nothing when the subscription has this event already (a republished event). */
	void addDelivery(UUID subscription, UUID eventId, String type, String subject, Instant occurredAt, String payload,
			Instant now) {
		jdbc.sql("""
				insert into webhook_delivery (id, subscription_id, event_id, event_type, subject, occurred_at, payload,
				  status, attempts, next_attempt_at, pending_since, created_at)
				values (:id, :subscription, :eventId, :type, :subject, :occurredAt, :payload, 'PENDING', 0, :now, :now,
				  :now)
				on conflict (subscription_id, event_id) do nothing""")
			.param("id", UUID.randomUUID())
			.param("subscription", subscription)
			.param("eventId", eventId)
			.param("type", type)
			.param("subject", subject)
			.param("occurredAt", timestamp(occurredAt))
			.param("payload", payload)
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * Claims up to {@code limit} due deliveries of active subscriptions for one sender: their next attempt moves to
	 * {@code leaseUntil}, so no other replica takes them meanwhile ({@code for update skip locked}: replicas never wait
	 * for one another) and one whose sender died is due again then. One statement, so the claim commits at once and no
	 * transaction stays open while the receivers are called.
	 */
	List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				update webhook_delivery d set next_attempt_at = :leaseUntil
				from webhook_subscription s
				where s.id = d.subscription_id and s.active and d.id in (
				  select id from webhook_delivery
				  where status = 'PENDING' and next_attempt_at <= :now
				  order by next_attempt_at
				  limit :limit
				  for update skip locked)
				returning d.id, d.event_id, d.event_type, d.subject, d.occurred_at, d.payload, d.attempts,
				  d.pending_since, s.url, s.secret""")
			.param("now", timestamp(now))
			.param("leaseUntil", timestamp(leaseUntil))
			.param("limit", limit)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					rs.getString("event_type"), rs.getString("subject"), instant(rs, "occurred_at"),
					rs.getString("payload"), rs.getInt("attempts"), instant(rs, "pending_since"),
					rs.getString("url"), rs.getString("secret")))
			.list();
	}

	/** The attempt's outcome: DELIVERED, PENDING again at {@code nextAttemptAt}, or FAILED. */
	void attempted(UUID id, WebhookDelivery.Status status, Instant at, @Nullable Integer statusCode,
			@Nullable String error, Instant nextAttemptAt) {
		jdbc.sql("""
				update webhook_delivery set status = :status, attempts = attempts + 1, last_attempt_at = :at,
				  last_status_code = :code, last_error = :error, next_attempt_at = :next,
				  delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end
				where id = :id and status = 'PENDING'""")
			.param("id", id)
			.param("status", status.name())
			.param("at", timestamp(at))
			.param("code", statusCode, Types.INTEGER)
			.param("error", error, Types.VARCHAR)
			.param("next", timestamp(nextAttemptAt))
			.update();
	}

	/** A subscription's deliveries, newest first, of one status or all. */
	List<WebhookDelivery> deliveries(UUID subscription, WebhookDelivery.@Nullable Status status, int limit) {
		return jdbc.sql("""
				select * from webhook_delivery
				where subscription_id = :subscription and (cast(:status as text) is null or status = :status)
				order by created_at desc, id limit :limit""")
			.param("subscription", subscription)
			.param("status", status == null ? null : status.name(), Types.VARCHAR)
			.param("limit", limit)
			.query(WebhookStore::delivery)
			.list();
	}

	Optional<WebhookDelivery> delivery(UUID subscription, UUID id) {
		return jdbc.sql("select * from webhook_delivery where id = :id and subscription_id = :subscription")
			.param("id", id)
			.param("subscription", subscription)
			.query(WebhookStore::delivery)
			.optional();
	}

	/**
	 * Makes deliveries of a subscription pending again, due now, with a fresh count of attempts: the one given, or
	 * (id null) every FAILED one. Returns how many.
	 */
	int replay(UUID subscription, @Nullable UUID id, String by, Instant now) {
		return jdbc.sql("""
				update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now,
				  pending_since = :now, replays = replays + 1, last_replayed_by = :by
				where subscription_id = :subscription and (cast(:id as uuid) is null and status = 'FAILED'
				  or id = cast(:id as uuid))""")
			.param("subscription", subscription)
			.param("id", id, Types.OTHER)
			.param("by", by)
			.param("now", timestamp(now))
			.update();
	}

	private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
		return new WebhookSubscription(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList((String[]) rs.getArray("event_types").getArray()), rs.getString("secret"),
				rs.getBoolean("active"), rs.getString("created_by"), instant(rs, "created_at"),
				rs.getString("deactivated_by"), instant(rs, "deactivated_at"));
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("subject"),
				instant(rs, "occurred_at"), WebhookDelivery.Status.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				instant(rs, "last_attempt_at"), rs.getObject("last_status_code", Integer.class),
				rs.getString("last_error"), instant(rs, "delivered_at"), rs.getInt("replays"),
				rs.getString("last_replayed_by"), instant(rs, "created_at"));
	}

}
