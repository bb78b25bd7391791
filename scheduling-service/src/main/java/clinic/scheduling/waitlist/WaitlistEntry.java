package clinic.scheduling.waitlist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.calendar.CalendarChair;

/** A course waiting for an earlier slot, with the patient's wishes. */
public record WaitlistEntry(UUID id, UUID courseId, UUID patientId, String patientName, UUID siteId,
		Set<DayOfWeek> days, @Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd,
		Set<String> chairAttributes, @Nullable String note, Status status, String createdBy, Instant createdAt) {

	public enum Status {
		WAITING, BOOKED, WITHDRAWN
	}

	public WaitlistEntry {
		days = Set.copyOf(days);
		chairAttributes = Set.copyOf(chairAttributes);
	}

	/** Whether a slot in this chair from {@code start} to {@code end} meets the patient's wishes. */
	public boolean wants(CalendarChair chair, Instant start, Instant end, ZoneId zone) {
		var from = start.atZone(zone);
		var to = end.atZone(zone);
		return (days.isEmpty() || days.contains(from.getDayOfWeek()))
				&& (earliestStart == null || !from.toLocalTime().isBefore(earliestStart))
				&& (latestEnd == null || (from.toLocalDate().equals(to.toLocalDate()) && !to.toLocalTime().isAfter(latestEnd)))
				&& chair.offers(chairAttributes);
	}
}
