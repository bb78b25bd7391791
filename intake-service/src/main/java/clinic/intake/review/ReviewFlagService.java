package clinic.intake.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;

/** Adverse events reported from sessions flag the patient for review; a clinician clears a flag with a reason. */
@Service
public class ReviewFlagService {

	private final ReviewFlags flags;

	private final ReviewFlagSettings settings;

	private final Clock clock;

	ReviewFlagService(ReviewFlags flags, ReviewFlagSettings settings, Clock clock) {
		this.flags = flags;
		this.settings = settings;
		this.clock = clock;
	}

	/** An adverse event reported by the session service; the patient need not be known to intake. */
	public record AdverseEvent(UUID sourceEventId, UUID patientId, AdverseEventGrade grade, String description,
			String reportedBy, Instant occurredAt) {
	}

	/** Records the adverse event (once per source event); the configured grades flag the patient for review. */
	@Transactional
	public void record(AdverseEvent event) {
		var reason = event.grade() + " adverse event in session, reported by " + event.reportedBy() + ": "
				+ event.description();
		flags.insert(new ReviewFlag(UUID.randomUUID(), event.patientId(), reason, event.grade(),
				settings.flagsReview(event.grade()), event.sourceEventId(), event.occurredAt(), null, null, null));
	}

	/** Clears an open flag with the clinician's reason; 409 when it is cleared already or flags nothing. */
	@Transactional
	public ReviewFlag clear(UUID patientId, UUID flagId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "Clearing a review flag needs a written reason");
		}
		var flag = flags.findForUpdate(patientId, flagId)
			.orElseThrow(() -> new NotFoundException("Review flag of this patient", flagId));
		if (!flag.flagsReview()) {
			throw new ConflictException("Adverse event " + flagId + " (" + flag.grade()
					+ ") was recorded without flagging the patient for review; there is nothing to clear");
		}
		if (flag.clearedAt() != null) {
			throw new ConflictException("Review flag " + flagId + " was cleared already by " + flag.clearedBy()
					+ " at " + flag.clearedAt());
		}
		var at = clock.instant();
		var by = CurrentUser.name();
		flags.clear(flagId, at, by, reason.strip());
		return new ReviewFlag(flag.id(), flag.patientId(), flag.reason(), flag.grade(), true, flag.sourceEventId(),
				flag.raisedAt(), at, by, reason.strip());
	}

	@Transactional(readOnly = true)
	public List<ReviewFlag> openOf(UUID patientId) {
		return flags.openOf(patientId);
	}
}
