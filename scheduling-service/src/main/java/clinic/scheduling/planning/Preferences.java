package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the patient asked for, on the clinic's wall clock: the weekdays that suit (empty: any), the earliest start
 * and the latest end of the chair time (null: no limit), and the chairs that suit (empty: any; for example those
 * with a monitor).
 */
public record Preferences(Set<DayOfWeek> days, LocalTime earliestStart, LocalTime latestEnd, Set<UUID> chairs) {

	public static final Preferences NONE = new Preferences(Set.of(), null, null);

	public Preferences {
		days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
		chairs = chairs == null ? Set.of() : Set.copyOf(chairs);
	}

	public Preferences(Set<DayOfWeek> days, LocalTime earliestStart, LocalTime latestEnd) {
		this(days, earliestStart, latestEnd, Set.of());
	}

	/** The same preferences, limited to these chairs. */
	public Preferences inChairs(Set<UUID> only) {
		return new Preferences(days, earliestStart, latestEnd, only);
	}

	boolean allows(UUID chair) {
		return chairs.isEmpty() || chairs.contains(chair);
	}

	boolean allows(DayOfWeek day) {
		return days.isEmpty() || days.contains(day);
	}

	boolean allows(LocalTime start, LocalTime end) {
		return (earliestStart == null || !start.isBefore(earliestStart)) && (latestEnd == null || !end.isAfter(latestEnd));
	}
}
