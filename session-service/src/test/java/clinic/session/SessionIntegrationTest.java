package clinic.session;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import clinic.platform.test.OutboxProbe;
import clinic.platform.test.RealInfrastructure;
import clinic.session.appointments.AppointmentService;
import clinic.session.doseplans.DosePlanService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session service on real PostgreSQL and Kafka. Every test class extending this shares one application context
 * (and so one database); tests keep apart by patients and appointments of their own. The clinic's clock follows
 * the system clock unless a test sets it, and follows it again after every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SessionIntegrationTest.TestClock.class)
public abstract class SessionIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.register(registry, "session-service");
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
	protected AppointmentService appointments;

	@Autowired
	protected DosePlanService dosePlans;

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
}
