package clinic.platform.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Copies every record of this service's dead-letter topic into {@link DeadLetters}, with the headers the
 * dead-letter publisher added (original topic, partition and offset, the exception), so that an administrator can
 * see and replay it. Reads the value as plain bytes: a parked record may be unreadable, that is often why it was
 * parked.
 */
@Component
class DeadLetterCopier {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterCopier.class);

	private static final String CLOUD_EVENTS_PREFIX = "ce_";

	private final DeadLetters deadLetters;

	DeadLetterCopier(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@KafkaListener(id = "${spring.application.name}-dead-letters", topics = "${spring.application.name}.dlt",
			groupId = "${clinic.events.group:${spring.application.name}}-dead-letters",
			properties = "spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.ByteArrayDeserializer")
	void onDeadLetter(ConsumerRecord<String, byte[]> record) {
		var ceHeaders = new LinkedHashMap<String, String>();
		for (Header header : record.headers()) {
			if (header.key().startsWith(CLOUD_EVENTS_PREFIX) || header.key().equals("content-type")) {
				ceHeaders.put(header.key(), text(header.value()));
			}
		}
		var letter = new DeadLetter(DeadLetter.idOf(record.topic(), record.partition(), record.offset()),
				record.topic(), record.partition(), record.offset(), textHeader(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), record.key(), ceHeaders.get("ce_id"),
				ceHeaders.get("ce_type"), ceHeaders.get("ce_subject"),
				exception(record), textHeader(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
				Instant.ofEpochMilli(record.timestamp()), 0, null, null, null);
		if (!deadLetters.keep(letter, new DeadLetter.Content(ceHeaders, record.value()))) {
			return;
		}
		log.info("Dead letter {} kept: {} from {}-{}@{}, parked for {}", letter.id(),
				letter.eventType() != null ? letter.eventType() + " " + letter.eventId() : "an unreadable record",
				letter.originalTopic(), letter.originalPartition(), letter.originalOffset(), letter.exception());
	}

	/** The cause's class when the publisher says which (the listener's failure wraps it), else the exception's. */
	private static @Nullable String exception(ConsumerRecord<String, byte[]> record) {
		var cause = textHeader(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		return cause != null ? cause : textHeader(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
	}

	private static @Nullable String textHeader(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : text(header.value());
	}

	private static @Nullable Integer intHeader(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		return header.value().length == Integer.BYTES ? ByteBuffer.wrap(header.value()).getInt()
				: Integer.valueOf(text(header.value()));
	}

	private static @Nullable Long longHeader(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		return header.value().length == Long.BYTES ? ByteBuffer.wrap(header.value()).getLong()
				: Long.valueOf(text(header.value()));
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}
}
