package clinic.platform.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publications Kafka has not acknowledged yet (broker down, process died) are sent again, on a schedule. Rounds
 * never overlap; {@link #rounds()} counts the finished ones, so a test (or an operator's probe) can wait for a round
 * that started after a given moment instead of sleeping.
 */
public class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications publications;

	private final Duration olderThan;

	private final AtomicLong rounds = new AtomicLong();

	OutboxResubmission(IncompleteEventPublications publications, Duration olderThan) {
		this.publications = publications;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${clinic.events.resubmit-interval:PT15S}",
			initialDelayString = "${clinic.events.resubmit-interval:PT15S}")
	void resubmit() {
		try {
			publications.resubmitIncompletePublicationsOlderThan(olderThan);
		}
		catch (RuntimeException e) {
			log.warn("Resubmitting outstanding event publications failed; will try again: {}", e.getMessage());
		}
		finally {
			rounds.incrementAndGet();
		}
	}

	/** How many resubmission rounds have finished since the service started. */
	public long rounds() {
		return rounds.get();
	}
}
