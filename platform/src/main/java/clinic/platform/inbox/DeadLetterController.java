package clinic.platform.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;

/**
 * The administrator's view of what this service's consumer parked in its dead-letter topic, and the way to replay
 * it once the cause is fixed: {@code GET /api/<service>/dead-letters}, {@code POST .../{id}/replay}. Admin only.
 */
@RestController
@PreAuthorize(Roles.IS_ADMIN)
class DeadLetterController {

	private static final int SHOWN = 200;

	private final DeadLetters deadLetters;

	private final DeadLetterReplay replay;

	private final String service;

	DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay,
			@Value("${spring.application.name}") String service) {
		this.deadLetters = deadLetters;
		this.replay = replay;
		this.service = service;
	}

	/** A parked record: where it came from, which event, why and when it was parked, its replays. */
	record DeadLetterView(UUID id, String service, @Nullable String originalTopic, @Nullable Integer originalPartition,
			@Nullable Long originalOffset, @Nullable String eventId, @Nullable String eventType,
			@Nullable String subject, @Nullable String exception, @Nullable String exceptionMessage, Instant parkedAt,
			int replays, @Nullable Instant lastReplayedAt, @Nullable String lastReplayedBy,
			@Nullable String lastReplayOutcome) {

		static DeadLetterView of(DeadLetter d, String service) {
			return new DeadLetterView(d.id(), service, d.originalTopic(), d.originalPartition(), d.originalOffset(),
					d.eventId(), d.eventType(), d.subject(), d.exception(), d.exceptionMessage(), d.parkedAt(),
					d.replays(), d.lastReplayedAt(), d.lastReplayedBy(), d.lastReplayOutcome());
		}
	}

	/** What a replay did: APPLIED, or ALREADY_HANDLED (the inbox had seen the event; nothing changed). */
	record ReplayView(UUID id, DeadLetterReplay.Outcome outcome, DeadLetterView deadLetter) {
	}

	/** The newest 200 parked records, newest first. */
	@GetMapping("/api/${clinic.api.name}/dead-letters")
	List<DeadLetterView> list() {
		return deadLetters.newest(SHOWN).stream().map(d -> DeadLetterView.of(d, service)).toList();
	}

	@PostMapping("/api/${clinic.api.name}/dead-letters/{id}/replay")
	ReplayView replay(@PathVariable UUID id) {
		var outcome = replay.replay(id);
		return new ReplayView(id, outcome, DeadLetterView.of(deadLetters.find(id).orElseThrow(), service));
	}
}
