package clinic.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service on real PostgreSQL and Kafka, as its integration tests share it: every test class of a module that extends
 * this (directly or through the service's own base) gets the same application context, and so one database and one
 * consumer group, which keeps the suite fast. Tests keep apart by data of their own. The clinic's clock is a
 * {@link MutableClock} that follows the system clock unless a test sets it, and follows it again after every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructure.Initializer.class)
@Import(ServiceIntegrationTest.TestClock.class)
public abstract class ServiceIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	/** The clinic's clock, shared by every test class (so no class gets a context of its own). */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}
	}

	@Autowired
	protected ConfigurableApplicationContext context;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected Environment environment;

	@Autowired
	protected MutableClock clock;

	/** The service these tests share (the delivery guarantees run on it too). */
	public ConfigurableApplicationContext runningService() {
		return context;
	}

	/*
	 * The outbox stamps publications with this clock: were it moved while a send is in flight, the publication would
	 * look old at once and be resubmitted. In reality time passes after the send (milliseconds), so the clock moves
	 * only when everything stored has gone out.
	 */
	@BeforeEach
	void clockMovesOnlyWhenTheOutboxIsEmpty() {
		clock.beforeMoving(() -> await().atMost(PATIENCE).until(() -> OutboxProbe.incomplete(context) == 0));
	}

	@AfterEach
	void clockFollowsTheSystemClockAgain() {
		clock.followSystemClock();
	}

	/** Publications not yet acknowledged by Kafka. */
	protected long incompletePublications() {
		return OutboxProbe.incomplete(context);
	}

	/** Every event stored so far is on the broker, and no resubmission will send one again. */
	protected void outboxSettled() {
		OutboxProbe.awaitSettled(context, PATIENCE);
	}

	/** The consumer group the service reads other services' events with. */
	protected String consumerGroup() {
		return environment.getRequiredProperty("clinic.events.group");
	}
}
