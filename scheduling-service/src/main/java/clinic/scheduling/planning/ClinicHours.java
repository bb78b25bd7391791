package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	private final Map<DayOfWeek, Open> week;

	/** The hours of one open weekday, on the wall clock. */
	public record Open(LocalTime opens, LocalTime closes) {

		public Open {
			if (!opens.isBefore(closes)) {
				throw new IllegalArgumentException("The clinic must open (" + opens + ") before it closes (" + closes + ")");
			}
		}
	}

	/** The same hours on each of {@code days}. */
	public ClinicHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
		this(zone, sameHours(days, new Open(opens, closes)));
	}

	/** Hours per weekday; a weekday missing from {@code week} is closed. */
	public ClinicHours(ZoneId zone, Map<DayOfWeek, Open> week) {
		this.zone = zone;
		this.week = week.isEmpty() ? new EnumMap<>(DayOfWeek.class) : new EnumMap<>(week);
	}

	private static Map<DayOfWeek, Open> sameHours(Set<DayOfWeek> days, Open open) {
		var week = new EnumMap<DayOfWeek, Open>(DayOfWeek.class);
		days.forEach(day -> week.put(day, open));
		return week;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The open weekdays with their hours. */
	public Map<DayOfWeek, Open> week() {
		return Collections.unmodifiableMap(week);
	}

	/** Whether the clinic opens at all on this weekday. */
	public boolean isOpenOn(DayOfWeek day) {
		return week.containsKey(day);
	}

	/** The time the clinic opens on an open weekday, on the wall clock. */
	public LocalTime opens(DayOfWeek day) {
		return hoursOn(day).opens();
	}

	/** The time the clinic closes on an open weekday, on the wall clock. */
	public LocalTime closes(DayOfWeek day) {
		return hoursOn(day).closes();
	}

	private Open hoursOn(DayOfWeek day) {
		var open = week.get(day);
		if (open == null) {
			throw new IllegalArgumentException("The clinic is closed on " + day);
		}
		return open;
	}

	/** Whether the whole slot [start, end) lies inside the opening hours of one open day. */
	public boolean covers(Instant start, Instant end) {
		if (!start.isBefore(end)) {
			return false;
		}
		var from = start.atZone(zone);
		var to = end.atZone(zone);
		var open = week.get(from.getDayOfWeek());
		return open != null && from.toLocalDate().equals(to.toLocalDate()) && !from.toLocalTime().isBefore(open.opens())
				&& !to.toLocalTime().isAfter(open.closes());
	}

	/** The slot as people at the clinic read it, for example "Mon 2026-03-02 09:00–10:50". */
	public String describe(Instant start, Instant end) {
		return describe(start, end, zone);
	}

	/** The slot as people read it on the wall clock of {@code zone}, for example "Mon 2026-03-02 09:00–10:50". */
	public static String describe(Instant start, Instant end, ZoneId zone) {
		var from = start.atZone(zone);
		var to = end.atZone(zone);
		var sameDay = from.toLocalDate().equals(to.toLocalDate());
		return DAY.format(from) + " " + TIME.format(from) + "–" + (sameDay ? "" : DAY.format(to) + " ") + TIME.format(to);
	}

	/**
	 * The opening hours as people read them, days with the same hours together, for example
	 * "Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)" or "Mon, Tue 08:00–18:00; Sat 09:00–12:00 (Europe/Zurich)".
	 */
	@Override
	public String toString() {
		var byHours = new LinkedHashMap<Open, List<String>>();
		week.forEach((day, open) -> byHours.computeIfAbsent(open, o -> new ArrayList<>())
			.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
		var text = byHours.entrySet()
			.stream()
			.map(e -> String.join(", ", e.getValue()) + " " + TIME.format(e.getKey().opens()) + "–"
					+ TIME.format(e.getKey().closes()))
			.collect(Collectors.joining("; "));
		return (text.isEmpty() ? "closed every day" : text) + " (" + zone + ")";
	}
}
