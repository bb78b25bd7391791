package clinic.scheduling.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.hl7.OutboundMessage;
import clinic.scheduling.hl7.OutboundQueue;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The SIU messages scheduling sends to the clinic's HL7 receiver over MLLP (docs/integration.md, "HL7 v2
 * (outbound)"): how each stands, and the replay of a dead letter once its cause is fixed. Admin only, as the dead
 * letters of events are.
 */
@RestController
@RequestMapping("/api/scheduling/hl7/outbound")
class Hl7OutboundController {

	private final OutboundQueue queue;

	Hl7OutboundController(OutboundQueue queue) {
		this.queue = queue;
	}

	/** A message with its delivery: the encoded message itself too, for the administrator to see what was refused. */
	record MessageView(UUID id, String controlId, String triggerEvent, String kind, UUID placerId, UUID appointmentId,
			UUID patientId, OutboundMessage.Status status, int attempts, Instant nextAttemptAt,
			@Nullable String lastError, @Nullable String ackCode, Instant createdAt, @Nullable Instant sentAt,
			int replays, @Nullable String lastReplayedBy, @Nullable Instant lastReplayedAt, String message) {

		static MessageView of(OutboundMessage m) {
			return new MessageView(m.id(), m.controlId(), m.triggerEvent(), m.kind(), m.placerId(), m.appointmentId(),
					m.patientId(), m.status(), m.attempts(), m.nextAttemptAt(), m.lastError(), m.ackCode(),
					m.createdAt(), m.sentAt(), m.replays(), m.lastReplayedBy(), m.lastReplayedAt(),
					m.message().replace('\r', '\n'));
		}
	}

	@GetMapping
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "The newest 200 outbound SIU messages, newest first: all, in one status (PENDING, SENT, "
			+ "FAILED), or of one appointment or consultation")
	List<MessageView> list(@RequestParam(required = false) OutboundMessage.@Nullable Status status,
			@RequestParam(required = false) @Nullable UUID appointmentId) {
		return queue.newest(status, appointmentId).stream().map(MessageView::of).toList();
	}

	@PostMapping("/{messageId}/replay")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Send a dead (FAILED) SIU message again, its attempts counted afresh; the messages of its "
			+ "appointment that waited behind it follow")
	MessageView replay(@PathVariable UUID messageId) {
		return MessageView.of(queue.replay(messageId));
	}
}
