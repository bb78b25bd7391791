package clinic.platform.inbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.cloudevents.CloudEvent;

/**
 * The inbox's Kafka side. Values are read by the CloudEvents deserializer behind an ErrorHandlingDeserializer,
 * so an unreadable record becomes an error for that record only. What happens to a failed record depends on why it
 * failed ({@link DeliveryFailure}): unreadable records and contract violations go to this service's dead-letter
 * topic ({@code <service>.dlt}) at once; while the database or broker is down the consumer waits with capped
 * back-off as long as it takes and parks nothing ({@code clinic.events.retry.max-interval}); anything else is retried
 * a bounded number of times
 * ({@code clinic.events.retry.*}), then parked. The consumer goes on either way; an administrator replays what was
 * parked ({@link DeadLetterController}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConsumingConfiguration.class);

	@Bean
	DeliveryRetries deliveryRetries(@Value("${clinic.events.retry.attempts:4}") int attempts) {
		return new DeliveryRetries(attempts);
	}

	@Bean
	DefaultErrorHandler clinicErrorHandler(KafkaTemplate<String, byte[]> rawBytesTemplate,
			KafkaTemplate<String, CloudEvent> cloudEventTemplate, DeliveryRetries retries,
			@Value("${spring.application.name}") String application,
			@Value("${clinic.events.retry.attempts:4}") int attempts,
			@Value("${clinic.events.retry.initial-interval:500ms}") Duration initialInterval,
			@Value("${clinic.events.retry.max-interval:30s}") Duration maxInterval) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawBytesTemplate);
		templates.put(CloudEvent.class, cloudEventTemplate);
		var deadLetterTopic = DeadLetters.topicOf(application);
		var publisher = new DeadLetterPublishingRecoverer(templates,
				(ConsumerRecord<?, ?> record, Exception e) -> new TopicPartition(deadLetterTopic, -1));
		ConsumerRecordRecoverer recoverer = (record, e) -> {
			if (deadLetterTopic.equals(record.topic())) {
				log.error("Dead letter {}-{}@{} could not be kept for the administrators; skipped", record.topic(),
						record.partition(), record.offset(), e);
				return;
			}
			publisher.accept(record, e);
		};
		var bounded = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
		bounded.setMaxInterval(Math.max(initialInterval.toMillis(), maxInterval.toMillis()));
		bounded.setMaxAttempts(Math.max(0, attempts - 1));
		var handler = new DefaultErrorHandler(recoverer, bounded);
		handler.setBackOffFunction((record, e) -> switch (DeliveryFailure.of(e)) {
			case OUTAGE -> untilBack(initialInterval, maxInterval);
			case POISON -> new FixedBackOff(0, 0);
			case OTHER -> bounded;
		});
		handler.setResetStateOnExceptionChange(true);
		handler.setRetryListeners(retries);
		DeliveryFailure.POISON_TYPES.forEach(handler::addNotRetryableExceptions);
		return handler;
	}

	/** Capped exponential back-off with no end: the dependency comes back, or an operator steps in. */
	private static BackOff untilBack(Duration initial, Duration max) {
		var backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
		backOff.setMaxInterval(Math.max(initial.toMillis(), max.toMillis()));
		return backOff;
	}

	@Bean
	InboxListener inboxListener(Inbox inbox) {
		return new InboxListener(inbox);
	}

	/** Thin: unwraps the CloudEvent and hands it to the inbox. */
	static class InboxListener {

		private final Inbox inbox;

		InboxListener(Inbox inbox) {
			this.inbox = inbox;
		}

		@KafkaListener(id = "${spring.application.name}-inbox", topics = "#{'${clinic.events.consume}'.split(',')}",
				groupId = "${clinic.events.group:${spring.application.name}}")
		void onEvent(ConsumerRecord<String, CloudEvent> record) {
			inbox.receive(InboundEvent.of(record.value()));
		}
	}
}
