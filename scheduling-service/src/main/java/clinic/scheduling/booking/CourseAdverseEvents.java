package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pausing adverse events received for each course, and which a clinician's resumption has answered: a resumption
 * answers every one received until then, also those that came while the course was already paused.
 */
public interface CourseAdverseEvents {

	/** Keeps the adverse event for the course; false when it was kept for the course before (a repeat). */
	boolean record(UUID courseId, UUID adverseEventId, String grade, Instant occurredAt, Instant receivedAt);

	/** Marks every adverse event of the course not answered yet as answered; returns their ids, oldest first. */
	List<UUID> answerAll(UUID courseId, String by, Instant at);

	/** The course's adverse events no resumption has answered yet, oldest first. */
	List<UUID> unanswered(UUID courseId);
}
