package clinic.scheduling.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarChair;
import clinic.scheduling.calendar.SiteCalendar;
import clinic.scheduling.calendar.StaffShift;

/**
 * Computes a week's utilisation from the site's calendar of that week: the calendar slot finding and booking read, so
 * the hours, closures, chairs and nurses on shift are the ones bookings were checked against. Every wall-clock time is
 * turned into instants on the site's clock before anything is measured, so the day the clocks go forward has an hour
 * less of opening time and an appointment across the change holds its real chair time.
 */
public final class Utilisation {

	/** The appointment status of a patient who did not come (FHIR R4). */
	static final String NO_SHOW = "noshow";

	/** A cancelled appointment holds no chair time (the calendar leaves them out already). */
	static final String CANCELLED = "cancelled";

	/** A FHIR client's hold: it keeps the chair from others for minutes, but is not (yet) a booking. */
	static final String HELD = "pending";

	private Utilisation() {
	}

	/** The week's utilisation; {@code calendar} covers at least Monday to Sunday of {@code week}. */
	public static WeekUtilisation of(SiteCalendar calendar, IsoWeek week) {
		int chairsInService = (int) calendar.chairs().stream().filter(CalendarChair::active).count();
		var days = new ArrayList<DayUtilisation>();
		for (var day = week.monday(); !day.isAfter(week.sunday()); day = day.plusDays(1)) {
			days.add(day(calendar, day, chairsInService));
		}
		return new WeekUtilisation(calendar.siteId(), calendar.siteName(), calendar.zone(), week, chairsInService,
				days);
	}

	private static DayUtilisation day(SiteCalendar calendar, LocalDate day, int chairs) {
		var zone = calendar.zone();
		var hours = calendar.hours().week().get(day.getDayOfWeek());
		var closure = calendar.closures().get(day);
		long openSeconds = 0;
		long staffedSeconds = 0;
		if (hours != null && closure == null) {
			var opens = day.atTime(hours.opens()).atZone(zone).toInstant();
			var closes = day.atTime(hours.closes()).atZone(zone).toInstant();
			openSeconds = chairs * seconds(opens, closes);
			staffedSeconds = staffedSeconds(calendar.shifts(), opens, closes, chairs);
		}
		var siteChairs = calendar.chairs().stream().map(CalendarChair::id).collect(Collectors.toSet());
		List<CalendarAppointment> held = calendar.appointments()
			.stream()
			.filter(a -> siteChairs.contains(a.chairId()) && !a.status().equals(CANCELLED)
					&& !a.status().equals(HELD))
			.filter(a -> a.start().atZone(zone).toLocalDate().equals(day))
			.toList();
		var noShows = held.stream().filter(a -> a.status().equals(NO_SHOW)).toList();
		return new DayUtilisation(day, hours, closure, openSeconds / 60, staffedSeconds / 60,
				held.stream().mapToLong(a -> seconds(a.start(), a.end())).sum() / 60, held.size(), noShows.size(),
				noShows.stream().mapToLong(a -> seconds(a.start(), a.end())).sum() / 60);
	}

	/**
	 * Chair-seconds from {@code opens} to {@code closes} a nurse can watch: in each stretch where the nurses on shift
	 * do not change, the fewer of the chairs in service and the chairs those nurses may watch.
	 */
	static long staffedSeconds(List<StaffShift> shifts, Instant opens, Instant closes, int chairs) {
		var cuts = new TreeSet<Instant>(List.of(opens, closes));
		for (var shift : shifts) {
			if (shift.start().isAfter(opens) && shift.start().isBefore(closes)) {
				cuts.add(shift.start());
			}
			if (shift.end().isAfter(opens) && shift.end().isBefore(closes)) {
				cuts.add(shift.end());
			}
		}
		long staffed = 0;
		Instant from = null;
		for (var to : cuts) {
			if (from != null) {
				var start = from;
				int watched = shifts.stream()
					.filter(s -> !s.start().isAfter(start) && !s.end().isBefore(to))
					.mapToInt(StaffShift::chairsWatched)
					.sum();
				staffed += Math.min(chairs, watched) * seconds(start, to);
			}
			from = to;
		}
		return staffed;
	}

	private static long seconds(Instant from, Instant to) {
		return Duration.between(from, to).getSeconds();
	}
}
