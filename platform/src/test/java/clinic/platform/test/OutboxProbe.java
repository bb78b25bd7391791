package clinic.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import clinic.platform.events.OutboxResubmission;

/** What a service's outbox has stored and sent, for tests that must know that nothing more will go out. */
public final class OutboxProbe {

	private OutboxProbe() {
	}

	/** Publications not yet acknowledged by Kafka. */
	public static long incomplete(ApplicationContext service) {
		return service.getBean(JdbcClient.class)
			.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	/**
	 * Waits until every stored publication is acknowledged and a resubmission round has finished since (rounds never
	 * overlap, so one that was sending when the last acknowledgement came has finished too), then flushes the
	 * producer. After this, a second send of anything stored so far would already be on the broker.
	 */
	public static void awaitSettled(ApplicationContext service, Duration patience) {
		await().atMost(patience).until(() -> incomplete(service) == 0);
		var resubmission = service.getBean(OutboxResubmission.class);
		var roundsBefore = resubmission.rounds();
		await().atMost(patience).until(() -> resubmission.rounds() > roundsBefore);
		service.getBeansOfType(KafkaTemplate.class).values().forEach(KafkaTemplate::flush);
	}
}
