package clinic.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import clinic.contracts.EventContractViolation;
import io.cloudevents.CloudEvent;

/**
 * The inbox's Kafka side. Values are read by the CloudEvents deserializer behind an ErrorHandlingDeserializer,
 * so an unreadable record becomes an error for that record only. Failures are retried with back-off a bounded
 * number of times, then the record goes to this service's dead-letter topic ({@code <service>.dlt}) and the
 * consumer goes on; records that can never succeed (unreadable, contract broken) go there at once.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumingConfiguration {

	@Bean
	DefaultErrorHandler clinicErrorHandler(KafkaTemplate<String, byte[]> rawBytesTemplate,
			KafkaTemplate<String, CloudEvent> cloudEventTemplate,
			@Value("${spring.application.name}") String application,
			@Value("${clinic.events.retry.attempts:4}") int attempts,
			@Value("${clinic.events.retry.initial-interval:500ms}") java.time.Duration initialInterval) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawBytesTemplate);
		templates.put(CloudEvent.class, cloudEventTemplate);
		var deadLetterTopic = application + ".dlt";
		var recoverer = new DeadLetterPublishingRecoverer(templates,
				(ConsumerRecord<?, ?> record, Exception e) -> new TopicPartition(deadLetterTopic, -1));
		var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
		backOff.setMaxAttempts(Math.max(0, attempts - 1));
		var handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(EventContractViolation.class, UnreadableEventException.class);
		return handler;
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
