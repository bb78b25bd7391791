package clinic.scheduling.hl7;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;

/** The administrator's view of the outbound SIU messages, and the replay of a dead letter once its cause is fixed. */
@Service
public class OutboundQueue {

	/** How many messages a listing shows at most. */
	public static final int SHOWN = 200;

	private final OutboundMessages messages;

	private final Clock clock;

	OutboundQueue(OutboundMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** The newest messages, newest first: all, those in one status, or those of one appointment (either id). */
	@Transactional(readOnly = true)
	public List<OutboundMessage> newest(OutboundMessage.@Nullable Status status, @Nullable UUID appointmentId) {
		return messages.newest(status, appointmentId, SHOWN);
	}

	/**
	 * Sends a dead letter again, its attempts counted afresh; the messages of its appointment that waited behind it
	 * follow. 404 for no such message, 409 for one that is not a dead letter (pending or sent).
	 */
	@Transactional
	public OutboundMessage replay(UUID id) {
		var found = messages.find(id).orElseThrow(() -> new NotFoundException("HL7 outbound message", id));
		if (!messages.replay(id, CurrentUser.name(), clock.instant())) {
			throw new ConflictException("HL7 message " + found.controlId() + " is " + found.status()
					+ "; only a FAILED message (a dead letter) is replayed");
		}
		return messages.find(id).orElseThrow();
	}
}
