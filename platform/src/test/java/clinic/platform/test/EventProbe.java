package clinic.platform.test;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;

/** Reads and writes raw records on the real test broker, the way another service or an attacker would. */
public final class EventProbe {

	private EventProbe() {
	}

	/** Every record on the topic whose headers and key match, read from the beginning. */
	public static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
		var properties = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (var consumer = new KafkaConsumer<String, byte[]>(properties)) {
			var partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			var end = consumer.endOffsets(partitions);
			var found = new ArrayList<ConsumerRecord<String, byte[]>>();
			var deadline = Instant.now().plusSeconds(20);
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					if (filter.test(record)) {
						found.add(record);
					}
				}
			}
			return found;
		}
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	public static Predicate<ConsumerRecord<String, byte[]>> ofType(String type, UUID patientId) {
		return record -> type.equals(header(record, "ce_type")) && patientId.toString().equals(record.key());
	}

	/** A CloudEvent as a producing service would send it. */
	public static CloudEvent cloudEvent(UUID id, String type, UUID patientId, String json) {
		return CloudEventBuilder.v1()
			.withId(id.toString())
			.withType(type)
			.withSource(URI.create("/clinic/test-producer"))
			.withSubject(patientId.toString())
			.withTime(Instant.now().atOffset(java.time.ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(json.getBytes(StandardCharsets.UTF_8))
			.build();
	}

	public static void send(String topic, UUID patientId, CloudEvent event) {
		var properties = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
		try (var producer = new KafkaProducer<String, CloudEvent>(properties)) {
			producer.send(new ProducerRecord<>(topic, patientId.toString(), event)).get();
		}
		catch (InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Parks the event in a dead-letter topic as the consumer's dead-letter publisher does: its CloudEvents headers and
	 * data, and where it came from and why it was parked.
	 */
	public static void sendAsDeadLetter(String deadLetterTopic, UUID patientId, CloudEvent event, String originalTopic,
			String exception) {
		var properties = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
		try (var producer = new KafkaProducer<String, CloudEvent>(properties)) {
			var record = new ProducerRecord<>(deadLetterTopic, patientId.toString(), event);
			record.headers()
				.add("kafka_dlt-original-topic", originalTopic.getBytes(StandardCharsets.UTF_8))
				.add("kafka_dlt-original-partition", java.nio.ByteBuffer.allocate(4).putInt(0).array())
				.add("kafka_dlt-original-offset", java.nio.ByteBuffer.allocate(8).putLong(0).array())
				.add("kafka_dlt-exception-fqcn", exception.getBytes(StandardCharsets.UTF_8))
				.add("kafka_dlt-exception-message", "parked by the test".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		catch (InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	public static void sendRaw(String topic, String key, byte[] value) {
		var properties = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (var producer = new KafkaProducer<String, byte[]>(properties)) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Waits until the consumer group has committed everything currently on the topic. */
	public static void awaitConsumed(String group, String topic, Duration timeout) {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers()))) {
			var partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			var latest = admin.listOffsets(partitions.stream()
				.collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
			await().alias("consumer group " + group + " caught up on " + topic)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
					return partitions.stream().allMatch(p -> {
						long end = latest.get(p).offset();
						var offset = committed.get(p);
						return end == 0 || (offset != null && offset.offset() >= end);
					});
				});
		}
		catch (InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}
}
