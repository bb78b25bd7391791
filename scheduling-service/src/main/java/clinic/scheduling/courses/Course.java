package clinic.scheduling.courses;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A patient's course of infusions. {@code version} grows with every change and travels with the events about the
 * course's appointments, so consumers can drop stale ones.
 */
public record Course(UUID id, UUID patientId, String patientName, CourseStatus status, int plannedInfusions,
		int completedInfusions, long version, Instant createdAt, @Nullable String pauseReason) {

	static Course induction(UUID patientId, String patientName, int plannedInfusions, Instant now) {
		return new Course(UUID.randomUUID(), patientId, patientName, CourseStatus.TO_PLAN, plannedInfusions, 0, 1, now,
				null);
	}

	/** An infusion was booked: a course still to plan is now under way. */
	Course withInfusionBooked() {
		var next = status == CourseStatus.TO_PLAN ? CourseStatus.ACTIVE : status;
		return new Course(id, patientId, patientName, next, plannedInfusions, completedInfusions, version + 1,
				createdAt, pauseReason);
	}

	/** {@code fulfilled} infusions have been given; the course is complete once all planned ones were. */
	Course withInfusionsGiven(int fulfilled) {
		var given = Math.min(fulfilled, plannedInfusions);
		var next = given >= plannedInfusions ? CourseStatus.COMPLETED : status;
		return new Course(id, patientId, patientName, next, plannedInfusions, given, version + 1, createdAt,
				pauseReason);
	}

	/** One of the course's appointments changed (cancelled, no-show, rescheduled): only the version moves on. */
	Course withAppointmentChanged() {
		return new Course(id, patientId, patientName, status, plannedInfusions, completedInfusions, version + 1,
				createdAt, pauseReason);
	}

	/** A serious adverse event: the course is paused with the reason until a clinician resumes it. */
	Course paused(String reason) {
		return new Course(id, patientId, patientName, CourseStatus.PAUSED, plannedInfusions, completedInfusions,
				version + 1, createdAt, reason);
	}

	/** A clinician resumed the paused course: ACTIVE when it has appointments, TO_PLAN when it has none. */
	Course resumed(boolean hasAppointments) {
		return new Course(id, patientId, patientName, hasAppointments ? CourseStatus.ACTIVE : CourseStatus.TO_PLAN,
				plannedInfusions, completedInfusions, version + 1, createdAt, null);
	}
}
