package clinic.scheduling.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * Proposed maintenance boosters, earliest first, and the target dates for which no slot was found before the next
 * target (the front desk places those by hand).
 */
public record BoosterPlan(List<Slot> boosters, List<LocalDate> notPlaced) {

	public BoosterPlan {
		boosters = List.copyOf(boosters);
		notPlaced = List.copyOf(notPlaced);
	}
}
