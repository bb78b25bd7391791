package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.scheduling.planning.Problem;

/**
 * One occurrence of a checked course, as the front desk sees it: its number, chair and time, and every rule it
 * breaks (none when it fits).
 */
public record PlannedOccurrence(int sequence, UUID chairId, String chairName, Instant start, Instant end,
		List<Problem> problems) {

	public static List<PlannedOccurrence> of(PlanningService.CheckedPlan checked) {
		return checked.check()
			.occurrences()
			.stream()
			.map(o -> new PlannedOccurrence(o.index() + 1, o.slot().chairId(), checked.chairName(o.slot().chairId()),
					o.slot().start(), o.slot().end(), o.problems()))
			.toList();
	}
}
