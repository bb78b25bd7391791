package clinic.scheduling.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.scheduling.planning.ClinicCalendar;
import clinic.scheduling.resources.ClinicHours;

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
	 * nor the nurses on shift change; only segments with a nurse on shift or an infusion running.
	 */
	public List<Load> load() {
		var siteChairs = chairs.stream().map(CalendarChair::id).collect(Collectors.toSet());
		var running = appointments.stream().filter(a -> siteChairs.contains(a.chairId())).toList();
		var cuts = new TreeSet<Instant>();
		running.forEach(a -> {
			cuts.add(a.start());
			cuts.add(a.end());
		});
		shifts.forEach(s -> {
			cuts.add(s.start());
			cuts.add(s.end());
		});
		var segments = new ArrayList<Load>();
		Instant previous = null;
		for (var cut : cuts) {
			if (previous != null) {
				var from = previous;
				int infusions = (int) running.stream()
					.filter(a -> a.start().isBefore(cut) && a.end().isAfter(from))
					.count();
				int capacity = shifts.stream()
					.filter(s -> !s.start().isAfter(from) && !s.end().isBefore(cut))
					.mapToInt(StaffShift::chairsWatched)
					.sum();
				if (infusions > 0 || capacity > 0) {
					segments.add(new Load(from, cut, infusions, capacity));
				}
			}
			previous = cut;
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
