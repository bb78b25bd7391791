package clinic.platform.events;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import clinic.contracts.EventSchemas;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's sending side. Every {@link ClinicEvent} is externalized after commit as a CloudEvent in binary
 * mode (ce_* headers, JSON data) on its producer's topic, keyed by patient id. A publication is marked complete
 * only when Kafka has acknowledged the record; incomplete ones are resubmitted at start-up and on a schedule.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

	@Bean
	EventExternalizationConfiguration eventExternalizationConfiguration() {
		return EventExternalizationConfiguration.externalizing()
			.select(ClinicEvent.class::isInstance)
			.routeAll(event -> RoutingTarget.forTarget(EventSchemas.topicOf(ClinicEvent.typeOf(event)))
				.andKey(((ClinicEvent) event).patientId().toString()))
			.build();
	}

	@Bean
	KafkaTemplate<String, CloudEvent> cloudEventTemplate(ProducerFactory<String, CloudEvent> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

	/** Sends raw bytes: the dead-letter recoverer needs it for records that could not even be read. */
	@Bean
	KafkaTemplate<String, byte[]> rawBytesTemplate(ProducerFactory<String, byte[]> producerFactory) {
		return new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	@Bean
	DelegatingEventExternalizer cloudEventExternalizer(EventExternalizationConfiguration configuration,
			KafkaTemplate<String, CloudEvent> kafka, JsonMapper json,
			@Value("${spring.application.name}") String application) {
		var source = URI.create("/clinic/" + application);
		return new DelegatingEventExternalizer(configuration, (target, event) -> {
			var clinicEvent = (ClinicEvent) event;
			var type = ClinicEvent.typeOf(clinicEvent);
			CloudEvent cloudEvent = CloudEventBuilder.v1()
				.withId(clinicEvent.eventId().toString())
				.withType(type)
				.withSource(source)
				.withSubject(clinicEvent.patientId().toString())
				.withTime(clinicEvent.occurredAt().atOffset(ZoneOffset.UTC))
				.withDataContentType("application/json")
				.withDataSchema(URI.create(EventSchemas.schemaPath(type)))
				.withData(json.writeValueAsBytes(clinicEvent))
				.build();
			return kafka.send(new ProducerRecord<>(target.getTarget(), target.getKey(), cloudEvent));
		});
	}

	@Bean
	OutboxResubmission outboxResubmission(IncompleteEventPublications publications,
			@Value("${clinic.events.resubmit-older-than:PT30S}") Duration olderThan) {
		return new OutboxResubmission(publications, olderThan);
	}
}
