package clinic.session.monitoring;

import java.time.Instant;

/**
 * One scheduled vitals reading: when it is due, in which phase, and whether it was taken ({@code takenAt}), is due
 * now, overdue, or still to come.
 */
public record ReadingSlot(Phase phase, Instant dueAt, Status status, Instant takenAt) {

	public enum Status {
		/** A reading was taken within half an interval of the due time. */
		TAKEN,
		/** The due time has passed and the reading can still be taken within half an interval. */
		DUE,
		/** Half an interval has passed since the due time without a reading. */
		OVERDUE,
		/** The next reading, not yet due. */
		UPCOMING
	}
}
