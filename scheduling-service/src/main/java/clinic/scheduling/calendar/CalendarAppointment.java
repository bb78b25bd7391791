package clinic.scheduling.calendar;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.planning.BookedTime;

/**
 * An appointment that holds time (not cancelled), as the calendar shows it; no patient name in a calendar loaded for
 * planning ({@link CalendarService.Request#forPlanning}).
 */
public record CalendarAppointment(UUID id, UUID courseId, UUID patientId, @Nullable String patientName, UUID chairId,
		String kind, int sequence, Instant start, Instant end, String status, boolean onHold) {

	BookedTime forPlanning() {
		return new BookedTime(chairId, patientId, start, end);
	}
}
