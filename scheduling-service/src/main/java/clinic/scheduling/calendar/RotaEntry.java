package clinic.scheduling.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A nurse's weekly rota line at a site: on {@code day} from {@code starts} to {@code ends} on the wall clock,
 * watching at most {@code chairsWatched} chairs, from {@code validFrom} until {@code validUntil} (inclusive; null:
 * open-ended).
 */
public record RotaEntry(String nurse, DayOfWeek day, LocalTime starts, LocalTime ends, int chairsWatched,
		LocalDate validFrom, @Nullable LocalDate validUntil) {

	/** The dated shift this line gives on {@code date}, if it applies that day. */
	public Optional<StaffShift> on(LocalDate date, ZoneId zone) {
		if (date.getDayOfWeek() != day || date.isBefore(validFrom) || (validUntil != null && date.isAfter(validUntil))) {
			return Optional.empty();
		}
		return Optional.of(new StaffShift(nurse, date.atTime(starts).atZone(zone).toInstant(),
				date.atTime(ends).atZone(zone).toInstant(), chairsWatched, StaffShift.Source.ROTA));
	}
}
