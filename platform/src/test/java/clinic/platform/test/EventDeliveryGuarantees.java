package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import clinic.contracts.EventSchemas;
import clinic.platform.inbox.DeadLetters;
import clinic.platform.inbox.DeliveryRetries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery guarantees every service must keep, run against real PostgreSQL and a real Kafka broker:
 * <ul>
 * <li>each state change is published exactly once, also when the service dies between commit and send (the service
 * is started anew, twice, on a database of its own for this);</li>
 * <li>a redelivered event changes nothing;</li>
 * <li>a poison record lands in the service's dead-letter topic while the consumer goes on, and the administrator's
 * list of dead letters shows it;</li>
 * <li>while the service's database is unreachable a valid event is never parked: the consumer waits, longer than its
 * bounded retries, and applies it once the database is back;</li>
 * <li>a parked event replayed by an administrator is applied once; a second replay changes nothing;</li>
 * <li>the consumer is a static member of its group, so that a restart takes its partitions back at once.</li>
 * </ul>
 * All but the first run on the service as the module's integration tests share it ({@link #runningService()}), one
 * dynamic test per consumed type. A service's test supplies a state change, what it publishes, and what it consumes.
 */
public interface EventDeliveryGuarantees {

	Duration PATIENCE = Duration.ofSeconds(45);

	/** One event type the service consumes: schema-valid data about a patient, and what handling it changed. */
	record ConsumedEvent(String type, BiFunction<UUID, UUID, String> dataOfEventAboutPatient,
			BiFunction<ConfigurableApplicationContext, UUID, Object> effectOnPatient) {

		String data(UUID eventId, UUID patientId) {
			return dataOfEventAboutPatient.apply(eventId, patientId);
		}

		/** What handling the event changed for the patient, or null while nothing has changed. */
		Object effect(ConfigurableApplicationContext context, UUID patientId) {
			return effectOnPatient.apply(context, patientId);
		}
	}

	Class<?> application();

	/** The service name, also the prefix of its dead-letter topic. */
	String applicationName();

	/** The service as the module's integration tests share it: one application context per module. */
	ConfigurableApplicationContext runningService();

	/** The types {@link #changeState} publishes, exactly one event of each. */
	List<String> producedTypes();

	/** Makes a state change that publishes exactly one event of each of {@link #producedTypes}; returns its patient. */
	UUID changeState(ConfigurableApplicationContext context);

	List<ConsumedEvent> consumedEvents();

	@Test
	default void givenTheServiceDiesBetweenCommitAndSendWhenItRestartsThenEachEventIsPublishedExactlyOnce() {
		var properties = RealInfrastructure.serviceProperties(applicationName());
		var brokerDown = new HashMap<>(properties);
		brokerDown.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
		brokerDown.put("spring.kafka.listener.auto-startup", "false");
		brokerDown.put("spring.kafka.producer.properties.max.block.ms", "1000");
		brokerDown.put("clinic.events.resubmit-interval", "PT1H");

		UUID patient;
		try (var beforeCrash = start(brokerDown)) {
			patient = changeState(beforeCrash);
			assertThat(OutboxProbe.incomplete(beforeCrash)).as("the state change stored its events for publishing")
				.isPositive();
		}
		for (var type : producedTypes()) {
			assertThat(EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, patient))).as(type)
				.isEmpty();
		}

		try (var afterRestart = start(properties)) {
			// a resubmission round runs after the last acknowledgement: it must not send again
			OutboxProbe.awaitSettled(afterRestart, PATIENCE);
			for (var type : producedTypes()) {
				var published = EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, patient));
				assertThat(published).as(type).hasSize(1);
				assertThat(EventProbe.header(published.get(0), "ce_specversion")).isEqualTo("1.0");
				assertThat(EventProbe.header(published.get(0), "ce_subject")).isEqualTo(patient.toString());
				assertThat(EventSchemas.violations(type, published.get(0).value())).isEmpty();
			}

			var another = changeState(afterRestart);
			await().atMost(PATIENCE).until(() -> OutboxProbe.incomplete(afterRestart) == 0);
			for (var type : producedTypes()) {
				assertThat(EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, another))).as(type)
					.hasSize(1);
			}
		}
	}

	@TestFactory
	default Stream<DynamicTest> givenAnEventWasHandledWhenItIsDeliveredAgainThenNothingChanges() {
		return consumedEvents().stream().map(consumed -> DynamicTest.dynamicTest(consumed.type(), () -> {
			var context = runningService();
			var patient = UUID.randomUUID();
			var event = EventProbe.cloudEvent(UUID.randomUUID(), consumed.type(), patient,
					consumed.data(UUID.randomUUID(), patient));
			var topic = EventSchemas.topicOf(consumed.type());

			EventProbe.send(topic, patient, event);
			await().atMost(PATIENCE).until(() -> consumed.effect(context, patient) != null);
			var afterFirst = consumed.effect(context, patient);

			EventProbe.send(topic, patient, event);
			EventProbe.awaitConsumed(context.getEnvironment().getRequiredProperty("clinic.events.group"), topic,
					PATIENCE);
			assertThat(consumed.effect(context, patient)).isEqualTo(afterFirst);
			assertThat(context.getBean(JdbcClient.class)
				.sql("select count(*) from inbox_event where event_id = :id")
				.param("id", UUID.fromString(event.getId()))
				.query(Long.class)
				.single()).isEqualTo(1L);
		}));
	}

	@TestFactory
	default Stream<DynamicTest> givenPoisonRecordsWhenConsumedThenTheyLandInTheDeadLetterTopicAndTheConsumerGoesOn() {
		return consumedEvents().stream().map(consumed -> DynamicTest.dynamicTest(consumed.type(), () -> {
			var context = runningService();
			var topic = EventSchemas.topicOf(consumed.type());
			var patient = UUID.randomUUID();
			var garbage = ("not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
			EventProbe.sendRaw(topic, patient.toString(), garbage);
			var breaksContract = EventProbe.cloudEvent(UUID.randomUUID(), consumed.type(), patient,
					"{\"patientId\":42}");
			EventProbe.send(topic, patient, breaksContract);
			var healthy = UUID.randomUUID();
			EventProbe.send(topic, healthy, EventProbe.cloudEvent(UUID.randomUUID(), consumed.type(), healthy,
					consumed.data(UUID.randomUUID(), healthy)));

			await().atMost(PATIENCE).until(() -> consumed.effect(context, healthy) != null);
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
			assertThat(consumed.effect(context, patient)).isNull();

			var kept = context.getBean(DeadLetters.class);
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(kept.newest(1_000))
				.filteredOn(letter -> patient.toString().equals(letter.key()))
				.as("the administrators' list shows both, with where they came from")
				.hasSize(2)
				.allSatisfy(letter -> assertThat(letter.originalTopic()).isEqualTo(topic))
				.anySatisfy(letter -> assertThat(letter.eventId()).isEqualTo(breaksContract.getId())));
		}));
	}

	@Test
	default void givenTheDatabaseIsUnreachableWhenAValidEventArrivesThenItWaitsAndIsAppliedOnceTheDatabaseIsBack() {
		var context = runningService();
		var consumed = consumedEvents().get(0);
		int bounded = context.getEnvironment().getRequiredProperty("clinic.events.retry.attempts", Integer.class);
		var database = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		var patient = UUID.randomUUID();
		var event = EventProbe.cloudEvent(UUID.randomUUID(), consumed.type(), patient,
				consumed.data(UUID.randomUUID(), patient));

		// DeliveryRetries logs each failed attempt, naming the event
		var attempts = new AtomicInteger();
		var attemptLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DeliveryRetries.class);
		var counter = new AppenderBase<ILoggingEvent>() {

			@Override
			protected void append(ILoggingEvent logged) {
				if (logged.getFormattedMessage().contains(event.getId())) {
					attempts.incrementAndGet();
				}
			}
		};
		counter.start();
		attemptLog.addAppender(counter);
		RealInfrastructure.acceptConnections(database, false);
		try {
			EventProbe.send(EventSchemas.topicOf(consumed.type()), patient, event);
			await().alias("tried more often than the bounded retries allow")
				.atMost(PATIENCE)
				.until(() -> attempts.get() > bounded);
		}
		finally {
			RealInfrastructure.acceptConnections(database, true);
			attemptLog.detachAppender(counter);
			counter.stop();
		}

		// the pool reconnects on its own schedule: reads may fail for a moment after the database is back
		await().atMost(PATIENCE).ignoreExceptions().until(() -> consumed.effect(context, patient) != null);
		assertThat(EventProbe.records(applicationName() + ".dlt",
				record -> event.getId().equals(EventProbe.header(record, "ce_id"))))
			.as("a valid event is never parked for an outage")
			.isEmpty();
	}

	/**
	 * Staff whose change meets a record store that cannot be reached get a 503 problem document with Retry-After (send
	 * it again), not a 500, and never the 404 "No static resource error." an unmapped error page gave.
	 */
	@Test
	default void givenTheDatabaseIsUnreachableWhenAnAdministratorChangesSomethingThenA503ProblemSaysTryAgain()
			throws Exception {
		var context = runningService();
		var mvc = context.getBean(MockMvc.class);
		var replay = "/api/" + context.getEnvironment().getRequiredProperty("clinic.api.name") + "/dead-letters/"
				+ UUID.randomUUID() + "/replay";
		var database = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		RealInfrastructure.acceptConnections(database, false);
		try {
			mvc.perform(post(replay).with(Tokens.as("ada.admin", "admin")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(503));
		}
		finally {
			RealInfrastructure.acceptConnections(database, true);
		}
		var errorPage = context.getEnvironment().getProperty("server.error.path", "/error");
		assertThat(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> info.getPatternValues().stream()))
			.as("the error page an escaped exception is sent to is mapped (problem+json, not a 404)")
			.contains(errorPage);
	}

	@Test
	default void givenAParkedEventWhenAnAdministratorReplaysItThenItIsAppliedOnceAndAgainChangesNothing()
			throws Exception {
		var context = runningService();
		var mvc = context.getBean(MockMvc.class);
		var api = "/api/" + context.getEnvironment().getRequiredProperty("clinic.api.name") + "/dead-letters";
		var consumed = consumedEvents().get(0);
		var patient = UUID.randomUUID();
		var event = EventProbe.cloudEvent(UUID.randomUUID(), consumed.type(), patient,
				consumed.data(UUID.randomUUID(), patient));
		EventProbe.sendAsDeadLetter(applicationName() + ".dlt", patient, event, EventSchemas.topicOf(consumed.type()),
				"org.springframework.jdbc.CannotGetJdbcConnectionException");

		var json = context.getBean(JsonMapper.class);
		var listed = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
		await().atMost(PATIENCE).until(() -> {
			var body = mvc.perform(get(api).with(Tokens.as("ada.admin", "admin")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (var letter : json.readTree(body)) {
				if (event.getId().equals(letter.path("eventId").asString())) {
					listed.set(letter);
					return true;
				}
			}
			return false;
		});
		var letter = listed.get();
		assertThat(letter.path("eventType").asString()).isEqualTo(consumed.type());
		assertThat(letter.path("subject").asString()).isEqualTo(patient.toString());
		assertThat(letter.path("originalTopic").asString()).isEqualTo(EventSchemas.topicOf(consumed.type()));
		assertThat(letter.path("exception").asString()).isEqualTo("org.springframework.jdbc.CannotGetJdbcConnectionException");
		assertThat(letter.path("parkedAt").isMissingNode()).isFalse();
		assertThat(consumed.effect(context, patient)).isNull();
		var replay = api + "/" + letter.path("id").asString() + "/replay";
		mvc.perform(post(replay).with(Tokens.as("nina", "nurse"))).andExpect(status().isForbidden());
		assertThat(consumed.effect(context, patient)).isNull();

		mvc.perform(post(replay).with(Tokens.as("ada.admin", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("APPLIED"));
		var afterFirst = consumed.effect(context, patient);
		assertThat(afterFirst).isNotNull();

		mvc.perform(post(replay).with(Tokens.as("ada.admin", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ALREADY_HANDLED"))
			.andExpect(jsonPath("$.deadLetter.replays").value(2))
			.andExpect(jsonPath("$.deadLetter.lastReplayedBy").value("ada.admin"));
		assertThat(consumed.effect(context, patient)).isEqualTo(afterFirst);
		assertThat(context.getBean(JdbcClient.class)
			.sql("select count(*) from inbox_event where event_id = :id")
			.param("id", UUID.fromString(event.getId()))
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

	@Test
	default void givenTheServiceRunsThenItsConsumerIsAStaticMemberOfItsGroup() throws Exception {
		var context = runningService();
		var group = context.getEnvironment().getRequiredProperty("clinic.events.group");
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers()))) {
			await().atMost(PATIENCE).untilAsserted(() -> {
				var members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
				assertThat(members).isNotEmpty()
					.allSatisfy(member -> assertThat(member.groupInstanceId()).get(InstanceOfAssertFactories.STRING)
						.startsWith(applicationName() + "-"));
			});
		}
	}

	private ConfigurableApplicationContext start(Map<String, Object> properties) {
		var arguments = new ArrayList<String>();
		arguments.add("--server.port=0");
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(application()).run(arguments.toArray(String[]::new));
	}
}
