package clinic.scheduling.calendar;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

	/** The chairs in service that have every attribute asked for, in the order they are offered. */
	public Set<UUID> chairsOffering(Set<String> attributes) {
		var offered = new LinkedHashSet<UUID>();
		chairs.stream().filter(chair -> chair.offers(attributes)).forEach(chair -> offered.add(chair.id()));
		return offered;
	}
}
