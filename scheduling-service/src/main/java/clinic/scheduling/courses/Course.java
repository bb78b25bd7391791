package clinic.scheduling.courses;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A patient's course of infusions. {@code version} grows with every change and travels with the events about the
 * course's appointments, so consumers can drop stale ones. {@code pauseReason} while PAUSED; {@code
 * cancellationReason} once CANCELLED.
 */
public record Course(UUID id, UUID patientId, String patientName, CourseStatus status, int plannedInfusions,
		int completedInfusions, long version, Instant createdAt, @Nullable String pauseReason,
		@Nullable String cancellationReason) {

	static Course induction(UUID patientId, String patientName, int plannedInfusions, Instant now) {
		return new Course(UUID.randomUUID(), patientId, patientName, CourseStatus.TO_PLAN, plannedInfusions, 0, 1, now,
				null, null);
	}

	/** Whether every planned induction infusion was given (boosters may follow). */
	public boolean inductionGiven() {
		return completedInfusions >= plannedInfusions;
	}

	/** An infusion was booked: a course still to plan is now under way. */
	Course withInfusionBooked() {
		var next = status == CourseStatus.TO_PLAN ? CourseStatus.ACTIVE : status;
		return with(next, completedInfusions, pauseReason, cancellationReason);
	}

	/**
	 * {@code fulfilled} infusions have been given; an open course is complete once all planned ones were. A paused
	 * course stays paused (resuming it says where it is then) and a cancelled one stays cancelled.
	 */
	Course withInfusionsGiven(int fulfilled) {
		var given = Math.min(fulfilled, plannedInfusions);
		var next = status.isOpen() && given >= plannedInfusions ? CourseStatus.COMPLETED : status;
		return with(next, given, pauseReason, cancellationReason);
	}

	/** One of the course's appointments changed (cancelled, no-show, rescheduled): only the version moves on. */
	Course withAppointmentChanged() {
		return with(status, completedInfusions, pauseReason, cancellationReason);
	}

	/** A serious adverse event: the course is paused with the reason until a clinician resumes it. */
	Course paused(String reason) {
		return with(CourseStatus.PAUSED, completedInfusions, reason, cancellationReason);
	}

	/**
	 * A clinician resumed the paused course: COMPLETED again when every induction infusion was given (it was paused
	 * for its boosters, or completed while paused), else ACTIVE when it has appointments, TO_PLAN when it has none.
	 */
	Course resumed(boolean hasAppointments) {
		var next = inductionGiven() ? CourseStatus.COMPLETED
				: hasAppointments ? CourseStatus.ACTIVE : CourseStatus.TO_PLAN;
		return with(next, completedInfusions, null, cancellationReason);
	}

	/** Closed before it was finished, for good: it takes no bookings and no doses. */
	Course cancelled(String reason) {
		return with(CourseStatus.CANCELLED, completedInfusions, null, reason);
	}

	private Course with(CourseStatus next, int given, @Nullable String pause, @Nullable String cancellation) {
		return new Course(id, patientId, patientName, next, plannedInfusions, given, version + 1, createdAt, pause,
				cancellation);
	}
}
