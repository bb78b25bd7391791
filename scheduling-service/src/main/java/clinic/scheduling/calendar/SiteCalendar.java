package clinic.scheduling.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.scheduling.planning.ClinicCalendar;
import clinic.scheduling.planning.ClinicHours;

/**
 * A site's calendar for a range of dates: its chairs (in the order they are offered), opening hours, closure days
 * with their reasons, the nurses on shift and the appointments holding time (the site's, and the patient's own at
 * any site when the calendar was loaded for one patient).
 */
public record SiteCalendar(UUID siteId, String siteName, LocalDate from, LocalDate to, List<CalendarChair> chairs,
		ClinicHours hours, Map<LocalDate, String> closures, List<StaffShift> shifts,
		List<CalendarAppointment> appointments) {

	public SiteCalendar {
		chairs = List.copyOf(chairs);
		closures = Map.copyOf(closures);
		shifts = List.copyOf(shifts);
		appointments = List.copyOf(appointments);
	}

	/** The zone the site keeps time in: its dates and wall-clock hours are read there. */
	public ZoneId zone() {
		return hours.zone();
	}

	/**
	 * The calendar slot finding reads. Every chair of the site is in it, also one out of service, because its
	 * appointments still need a nurse; which chairs may be offered is {@link #chairsOffering(Set)}.
	 */
	public ClinicCalendar forPlanning() {
		return new ClinicCalendar(chairs.stream().map(CalendarChair::id).toList(), hours, closures.keySet(),
				shifts.stream().map(StaffShift::forPlanning).toList(),
				appointments.stream().map(CalendarAppointment::forPlanning).toList());
	}

	/**
	 * From {@code start} to {@code end}, {@code infusions} appointments are running in the site's chairs and the
	 * nurses on shift for all of it may watch {@code capacity} chairs.
	 */
	public record Load(Instant start, Instant end, int infusions, int capacity) {
	}

	/**
	 * The site's load over the calendar, as consecutive segments in which neither the number of infusions running
	 * nor the nurses on shift change; only segments with a nurse on shift or an infusion running. One sweep over the
	 * start and end times, so a year's calendar is as quick as a day's.
	 */
	public List<Load> load() {
		var siteChairs = chairs.stream().map(CalendarChair::id).collect(Collectors.toSet());
		// per instant: the change in infusions running and in chairs the nurses on shift may watch
		var changes = new TreeMap<Instant, int[]>();
		appointments.stream().filter(a -> siteChairs.contains(a.chairId())).forEach(a -> {
			changes.computeIfAbsent(a.start(), t -> new int[2])[0]++;
			changes.computeIfAbsent(a.end(), t -> new int[2])[0]--;
		});
		shifts.forEach(s -> {
			changes.computeIfAbsent(s.start(), t -> new int[2])[1] += s.chairsWatched();
			changes.computeIfAbsent(s.end(), t -> new int[2])[1] -= s.chairsWatched();
		});
		var segments = new ArrayList<Load>();
		int infusions = 0;
		int capacity = 0;
		Instant previous = null;
		for (var change : changes.entrySet()) {
			if (previous != null && (infusions > 0 || capacity > 0)) {
				segments.add(new Load(previous, change.getKey(), infusions, capacity));
			}
			infusions += change.getValue()[0];
			capacity += change.getValue()[1];
			previous = change.getKey();
		}
		return segments;
	}

	/** The chairs in service that have every attribute asked for, in the order they are offered. */
	public Set<UUID> chairsOffering(Set<String> attributes) {
		var offered = new LinkedHashSet<UUID>();
		chairs.stream().filter(chair -> chair.offers(attributes)).forEach(chair -> offered.add(chair.id()));
		return offered;
	}
}
