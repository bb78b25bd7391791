package clinic.scheduling.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;


/**
 * Everything slot finding reads: the chairs (in the order they are offered), the opening hours, the dates the clinic
 * is closed (local dates), the nurse shifts and the appointments already booked.
 */
public record ClinicCalendar(List<UUID> chairs, ClinicHours hours, Set<LocalDate> closures, List<NurseShift> shifts,
		List<BookedTime> appointments) {

	public ClinicCalendar {
		chairs = List.copyOf(chairs);
		closures = Set.copyOf(closures);
		shifts = List.copyOf(shifts);
		appointments = List.copyOf(appointments);
	}
}
