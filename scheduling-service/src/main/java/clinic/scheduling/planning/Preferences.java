package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the patient asked for, on the clinic's wall clock: the weekdays that suit (empty: any), the earliest start
 * and the latest end of the chair time (null: no limit).
 */
public record Preferences(Set<DayOfWeek> days, LocalTime earliestStart, LocalTime latestEnd) {

	public static final Preferences NONE = new Preferences(Set.of(), null, null);

	public Preferences {
		days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
	}

	boolean allows(DayOfWeek day) {
		return days.isEmpty() || days.contains(day);
	}

	boolean allows(LocalTime start, LocalTime end) {
		return (earliestStart == null || !start.isBefore(earliestStart)) && (latestEnd == null || !end.isAfter(latestEnd));
	}
}
