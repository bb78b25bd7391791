package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import clinic.contracts.EventSchemas;
import io.cloudevents.CloudEvent;

/**
 * The delivery guarantees every service must keep, run against real PostgreSQL and a real Kafka broker with
 * the whole service started as it runs in production:
 * <ul>
 * <li>a state change is published exactly once, also when the service dies between commit and send;</li>
 * <li>a redelivered event changes nothing;</li>
 * <li>a poison record lands in the service's dead-letter topic while the consumer goes on.</li>
 * </ul>
 * A service's test supplies one state change it publishes and one event it consumes.
 */
public abstract class AbstractEventDeliveryTest {

	private static final Duration PATIENCE = Duration.ofSeconds(45);

	protected abstract Class<?> application();

	/** The service name, also the prefix of its dead-letter topic. */
	protected abstract String applicationName();

	/** The type {@link #changeState} publishes. */
	protected abstract String producedType();

	/** Makes one state change that publishes exactly one event of {@link #producedType}; returns its patient. */
	protected abstract UUID changeState(ConfigurableApplicationContext context);

	/** A type this service consumes. */
	protected abstract String consumedType();

	/** Schema-valid data of a {@link #consumedType} event about the patient. */
	protected abstract String consumedData(UUID eventId, UUID patientId);

	/** What handling the consumed event changed for the patient, or null while nothing has changed. */
	protected abstract Object effectOf(ConfigurableApplicationContext context, UUID patientId);

	@Test
	void givenTheServiceDiesBetweenCommitAndSendWhenItRestartsThenTheEventIsPublishedExactlyOnce() throws Exception {
		var properties = RealInfrastructure.serviceProperties(applicationName());
		var brokerDown = new HashMap<>(properties);
		brokerDown.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
		brokerDown.put("spring.kafka.listener.auto-startup", "false");
		brokerDown.put("spring.kafka.producer.properties.max.block.ms", "1000");
		brokerDown.put("clinic.events.resubmit-interval", "PT1H");

		UUID patient;
		try (var beforeCrash = start(brokerDown)) {
			patient = changeState(beforeCrash);
			var jdbc = beforeCrash.getBean(JdbcClient.class);
			assertThat(incomplete(jdbc)).as("the state change stored its events for publishing").isPositive();
		}
		var topic = EventSchemas.topicOf(producedType());
		assertThat(EventProbe.records(topic, EventProbe.ofType(producedType(), patient))).isEmpty();

		try (var afterRestart = start(properties)) {
			var jdbc = afterRestart.getBean(JdbcClient.class);
			await().atMost(PATIENCE).until(() -> incomplete(jdbc) == 0);
			Thread.sleep(3000); // a resubmission round would have run by now; it must not send again
			var published = EventProbe.records(topic, EventProbe.ofType(producedType(), patient));
			assertThat(published).hasSize(1);
			assertThat(EventProbe.header(published.get(0), "ce_specversion")).isEqualTo("1.0");
			assertThat(EventProbe.header(published.get(0), "ce_subject")).isEqualTo(patient.toString());
			assertThat(EventSchemas.violations(producedType(), published.get(0).value())).isEmpty();

			var another = changeState(afterRestart);
			await().atMost(PATIENCE).until(() -> incomplete(jdbc) == 0);
			assertThat(EventProbe.records(topic, EventProbe.ofType(producedType(), another))).hasSize(1);
		}
	}

	@Test
	void givenAnEventWasHandledWhenItIsDeliveredAgainThenNothingChanges() {
		var properties = RealInfrastructure.serviceProperties(applicationName());
		try (var context = start(properties)) {
			var patient = UUID.randomUUID();
			var event = EventProbe.cloudEvent(UUID.randomUUID(), consumedType(), patient,
					consumedData(UUID.randomUUID(), patient));
			var topic = EventSchemas.topicOf(consumedType());

			EventProbe.send(topic, patient, event);
			await().atMost(PATIENCE).until(() -> effectOf(context, patient) != null);
			var afterFirst = effectOf(context, patient);

			EventProbe.send(topic, patient, event);
			EventProbe.awaitConsumed((String) properties.get("clinic.events.group"), topic, PATIENCE);
			assertThat(effectOf(context, patient)).isEqualTo(afterFirst);
			assertThat(context.getBean(JdbcClient.class)
				.sql("select count(*) from inbox_event where event_id = :id")
				.param("id", UUID.fromString(event.getId()))
				.query(Long.class)
				.single()).isEqualTo(1L);
		}
	}

	@Test
	void givenPoisonRecordsWhenConsumedThenTheyLandInTheDeadLetterTopicAndTheConsumerGoesOn() {
		var properties = RealInfrastructure.serviceProperties(applicationName());
		try (var context = start(properties)) {
			var topic = EventSchemas.topicOf(consumedType());
			var patient = UUID.randomUUID();
			var garbage = ("not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
			EventProbe.sendRaw(topic, patient.toString(), garbage);
			var breaksContract = EventProbe.cloudEvent(UUID.randomUUID(), consumedType(), patient, "{\"patientId\":42}");
			EventProbe.send(topic, patient, breaksContract);
			var healthy = UUID.randomUUID();
			EventProbe.send(topic, healthy, EventProbe.cloudEvent(UUID.randomUUID(), consumedType(), healthy,
					consumedData(UUID.randomUUID(), healthy)));

			await().atMost(PATIENCE).until(() -> effectOf(context, healthy) != null);
			var deadLetters = new ArrayList<>(EventProbe.records(applicationName() + ".dlt",
					record -> patient.toString().equals(record.key())));
			await().atMost(PATIENCE).until(() -> {
				deadLetters.clear();
				deadLetters.addAll(EventProbe.records(applicationName() + ".dlt",
						record -> patient.toString().equals(record.key())));
				return deadLetters.size() >= 2;
			});
			assertThat(deadLetters).anySatisfy(record -> assertThat(record.value()).isEqualTo(garbage));
			assertThat(deadLetters)
				.anySatisfy(record -> assertThat(EventProbe.header(record, "ce_id")).isEqualTo(breaksContract.getId()));
			assertThat(effectOf(context, patient)).isNull();
		}
	}

	private ConfigurableApplicationContext start(Map<String, Object> properties) {
		var arguments = new ArrayList<String>();
		arguments.add("--server.port=0");
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(application()).run(arguments.toArray(String[]::new));
	}

	private static long incomplete(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}
}
