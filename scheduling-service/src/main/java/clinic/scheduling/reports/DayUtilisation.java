package clinic.scheduling.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.planning.ClinicHours;

/**
 * One day of a site on its own clock. {@code hours} are the site's opening hours that weekday (null: it does not open
 * that weekday), {@code closure} the reason it is closed that day (null: not closed). Chair-minutes are real minutes
 * (a day the clocks change has one hour more or less): {@code open} = chairs in service × the minutes the site is open;
 * {@code staffed} = the part of that a nurse on shift can watch (at each moment the fewer of the chairs in service and
 * the chairs the nurses on shift may watch); {@code booked} = the chair time held by appointments starting that day
 * (every status but cancelled, no-shows included: the chair was kept for them); {@code noShow} = the part of booked
 * whose patient did not come.
 */
public record DayUtilisation(LocalDate date, ClinicHours.@Nullable Open hours, @Nullable String closure,
		long openChairMinutes, long staffedChairMinutes, long bookedChairMinutes, int appointments, int noShows,
		long noShowChairMinutes) {

	/** Whether the site opens that day (it has hours that weekday and is not closed). */
	public boolean open() {
		return hours != null && closure == null;
	}

	/** Booked over open chair time in percent, one decimal; null when no chair time was open. */
	public @Nullable BigDecimal utilisationPercent() {
		return percent(bookedChairMinutes, openChairMinutes);
	}

	static @Nullable BigDecimal percent(long part, long whole) {
		if (whole <= 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
	}
}
