package clinic.scheduling.calendar;

import java.time.Instant;
import java.util.UUID;

import clinic.scheduling.planning.BookedTime;

/** An appointment that holds time (not cancelled), as the calendar shows it. */
public record CalendarAppointment(UUID id, UUID courseId, UUID patientId, String patientName, UUID chairId,
		String kind, int sequence, Instant start, Instant end, String status, boolean onHold) {

	BookedTime forPlanning() {
		return new BookedTime(chairId, patientId, start, end);
	}
}
