package clinic.platform.inbox;

import java.time.Clock;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Replays a parked event: hands it to the inbox as if it had just arrived, so it is applied at most once (the inbox
 * remembers every event id it handled; a second replay changes nothing), and remembers the replay, who asked and
 * what came of it. Handing it to the inbox directly rather than republishing it means the administrator sees the
 * outcome at once, and an event that others on its partition wait for is not queued behind them.
 */
@Service
public class DeadLetterReplay {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	/** What a replay did. */
	public enum Outcome {
		/** The event was handled now. */
		APPLIED,
		/** The inbox had handled this event before; nothing changed. */
		ALREADY_HANDLED
	}

	private final DeadLetters deadLetters;

	private final Inbox inbox;

	private final Clock clock;

	DeadLetterReplay(DeadLetters deadLetters, Inbox inbox, Clock clock) {
		this.deadLetters = deadLetters;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * Applies the parked event once; 404 when there is no such dead letter, 409 (in words) when it cannot be read,
	 * no handler takes its type any more, or handling it fails again: each attempt is remembered on the dead letter.
	 */
	public Outcome replay(UUID id) {
		var letter = deadLetters.find(id).orElseThrow(() -> new NotFoundException("Dead letter", id));
		var content = deadLetters.content(id).orElseThrow(() -> new NotFoundException("Dead letter", id));
		var by = CurrentUser.name();
		InboundEvent event;
		try {
			var headers = new RecordHeaders();
			content.ceHeaders().forEach((name, value) -> headers.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			try (var deserializer = new CloudEventDeserializer()) {
				event = InboundEvent.of(deserializer.deserialize(letter.originalTopic(), headers, content.value()));
			}
		}
		catch (RuntimeException e) {
			return refused(letter, by, "This record cannot be read as an event, so it cannot be replayed: "
					+ e.getMessage());
		}
		if (!inbox.handles(event.type())) {
			return refused(letter, by, "This service no longer handles " + event.type() + "; nothing to replay it to");
		}
		boolean handled;
		try {
			handled = inbox.receive(event);
		}
		catch (RuntimeException e) {
			log.warn("Replay of dead letter {} ({} {}) failed again", id, event.type(), event.id(), e);
			return refused(letter, by, "The event failed again: " + e.getMessage());
		}
		var outcome = handled ? Outcome.APPLIED : Outcome.ALREADY_HANDLED;
		deadLetters.replayed(id, by, clock.instant(), outcome.name());
		log.info("Dead letter {} ({} {}) replayed by {}: {}", id, event.type(), event.id(), by, outcome);
		return outcome;
	}

	private Outcome refused(DeadLetter letter, String by, String why) {
		deadLetters.replayed(letter.id(), by, clock.instant(), "FAILED: " + why);
		throw new ConflictException(why);
	}
}
