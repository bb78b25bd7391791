package clinic.scheduling.resources;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the clinic is open, on the wall clock of its time zone. A slot is judged on the instants it starts and ends,
 * converted to local time, never by adding minutes to a local time: on a daylight-saving change day a 110-minute
 * slot does not end 110 minutes later on the wall clock.
 */
public final class ClinicHours {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

	private final ZoneId zone;

	private final Set<DayOfWeek> days;

	private final LocalTime opens;

	private final LocalTime closes;

	public ClinicHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("The clinic must open (" + opens + ") before it closes (" + closes + ")");
		}
		this.zone = zone;
		this.days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
		this.opens = opens;
		this.closes = closes;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Whether the clinic opens at all on this weekday. */
	public boolean isOpenOn(DayOfWeek day) {
		return days.contains(day);
	}

	/** The time the clinic opens on an open day, on the wall clock. */
	public LocalTime opens() {
		return opens;
	}

	/** The time the clinic closes on an open day, on the wall clock. */
	public LocalTime closes() {
		return closes;
	}

	/** Whether the whole slot [start, end) lies inside the opening hours of one open day. */
	public boolean covers(Instant start, Instant end) {
		if (!start.isBefore(end)) {
			return false;
		}
		var from = start.atZone(zone);
		var to = end.atZone(zone);
		return from.toLocalDate().equals(to.toLocalDate()) && days.contains(from.getDayOfWeek())
				&& !from.toLocalTime().isBefore(opens) && !to.toLocalTime().isAfter(closes);
	}

	/** The slot as people at the clinic read it, for example "Mon 2026-03-02 09:00–10:50". */
	public String describe(Instant start, Instant end) {
		var from = start.atZone(zone);
		var to = end.atZone(zone);
		var sameDay = from.toLocalDate().equals(to.toLocalDate());
		return DAY.format(from) + " " + TIME.format(from) + "–" + (sameDay ? "" : DAY.format(to) + " ") + TIME.format(to);
	}

	/** The opening hours as people read them, for example "Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)". */
	@Override
	public String toString() {
		var dayNames = days.stream()
			.map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
			.collect(Collectors.joining(", "));
		return dayNames + " " + TIME.format(opens) + "–" + TIME.format(closes) + " (" + zone + ")";
	}
}
