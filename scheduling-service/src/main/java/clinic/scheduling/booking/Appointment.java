package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.scheduling.courses.Course;
import clinic.scheduling.resources.Chair;

/** A patient's time in a chair: [start, end) covers the whole chair time. {@code sequence} is the infusion number.
 * {@code onHold} while its course is paused. */
public record Appointment(UUID id, UUID courseId, UUID patientId, UUID chairId, String chairName, AppointmentKind kind,
		int sequence, Instant start, Instant end, AppointmentStatus status, String bookedBy, Instant bookedAt,
		boolean onHold) {

	static Appointment infusion(Course course, Chair chair, int sequence, Instant start, Instant end, String bookedBy,
			Instant now) {
		return booked(course, chair, AppointmentKind.INFUSION, sequence, start, end, bookedBy, now);
	}

	static Appointment booked(Course course, Chair chair, AppointmentKind kind, int sequence, Instant start,
			Instant end, String bookedBy, Instant now) {
		return new Appointment(UUID.randomUUID(), course.id(), course.patientId(), chair.id(), chair.name(), kind,
				sequence, start, end, AppointmentStatus.BOOKED, bookedBy, now, false);
	}

	/** The booked appointment that replaces this one in another chair or at another time: same course and number. */
	Appointment movedTo(Chair chair, Instant start, Instant end, String bookedBy, Instant now) {
		return new Appointment(UUID.randomUUID(), courseId, patientId, chair.id(), chair.name(), kind, sequence, start,
				end, AppointmentStatus.BOOKED, bookedBy, now, false);
	}
}
