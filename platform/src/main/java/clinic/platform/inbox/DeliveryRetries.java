package clinic.platform.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.cloudevents.CloudEvent;

/**
 * Says what the consumer is doing while it tries an event again, and waits the right way: while the database or
 * broker is down the consumer waits (logging that it waits, and for what) and every partition waits with it, since
 * nothing could be handled anyway; an event that arrived before one it depends on sets only its own partition aside
 * for the back-off, so the consumer goes on with the others, where what it waits for may be on its way. It also
 * counts the attempts per record, for the operators' log and for tests that must know a record was tried more
 * often than the bounded retries would have allowed.
 */
public class DeliveryRetries implements RetryListener, BackOffHandler, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

	private static final int REMEMBERED = 1_000;

	private final ThreadLocal<@Nullable Failed> lastFailure = new ThreadLocal<>();

	private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

	private final DefaultBackOffHandler waitInPlace = new DefaultBackOffHandler();

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final ListenerContainerPauseService pauser;

	private final int boundedAttempts;

	private record Failed(TopicPartition partition, DeliveryFailure kind) {
	}

	DeliveryRetries(ListenerContainerRegistry registry, int boundedAttempts) {
		this.boundedAttempts = boundedAttempts;
		scheduler.setThreadNamePrefix("inbox-resume-");
		scheduler.initialize();
		this.pauser = new ListenerContainerPauseService(registry, scheduler);
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		var kind = DeliveryFailure.of(ex);
		lastFailure.set(new Failed(new TopicPartition(record.topic(), record.partition()), kind));
		if (attempts.size() >= REMEMBERED) {
			attempts.clear();
		}
		attempts.put(eventIdOf(record), deliveryAttempt);
		var where = describe(record);
		var why = rootMessage(ex);
		switch (kind) {
			case OUTAGE -> log.warn("Waiting for the database or the broker: {} is kept and tried again until it can "
					+ "be handled (attempt {}): {}", where, deliveryAttempt, why);
			case EARLY -> log.info("{} arrived before what it depends on; its partition waits and tries again "
					+ "(attempt {}): {}", where, deliveryAttempt, why);
			case OTHER -> log.warn("{} failed (attempt {} of {}): {}", where, deliveryAttempt, boundedAttempts, why);
			case POISON -> log.warn("{} can never be handled: {}", where, why);
		}
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		attempts.remove(eventIdOf(record));
	}

	@Override
	public void onNextBackOff(@Nullable MessageListenerContainer container, @Nullable Exception exception,
			long nextBackOff) {
		var failed = lastFailure.get();
		lastFailure.remove();
		if (container != null && failed != null && failed.kind() == DeliveryFailure.EARLY) {
			pauser.pausePartition(container, failed.partition(), Duration.ofMillis(nextBackOff));
			return;
		}
		waitInPlace.onNextBackOff(container, exception, nextBackOff);
	}

	/** How often the record with this CloudEvents id (or topic-partition@offset when unreadable) was tried so far. */
	public int attemptsOf(String eventId) {
		return attempts.getOrDefault(eventId, 0);
	}

	@Override
	public void destroy() {
		scheduler.shutdown();
	}

	private static String eventIdOf(ConsumerRecord<?, ?> record) {
		if (record.value() instanceof CloudEvent event) {
			return event.getId();
		}
		return record.topic() + "-" + record.partition() + "@" + record.offset();
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
			if (root instanceof EventNotYetSeenException) {
				break;
			}
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
