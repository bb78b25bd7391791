package clinic.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

import io.cloudevents.CloudEvent;

/**
 * Says what the consumer is doing while it tries an event again, one log line per failed attempt with its number:
 * while the database or broker is down it waits (logging that it waits, and for what), every partition with it,
 * since nothing could be handled anyway.
 */
public class DeliveryRetries implements RetryListener {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

	private final int boundedAttempts;

	DeliveryRetries(int boundedAttempts) {
		this.boundedAttempts = boundedAttempts;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		var kind = DeliveryFailure.of(ex);
		var where = describe(record);
		var why = rootMessage(ex);
		switch (kind) {
			case OUTAGE -> log.warn("Waiting for the database or the broker: {} is kept and tried again until it can "
					+ "be handled (attempt {}): {}", where, deliveryAttempt, why);
			case OTHER -> log.warn("{} failed (attempt {} of {}): {}", where, deliveryAttempt, boundedAttempts, why);
			case POISON -> log.warn("{} can never be handled: {}", where, why);
		}
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		var at = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (record.value() instanceof CloudEvent event) {
			return "Event " + event.getId() + " (" + event.getType() + ") at " + at;
		}
		return "Record at " + at;
	}

	private static String rootMessage(Throwable failure) {
		var root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
