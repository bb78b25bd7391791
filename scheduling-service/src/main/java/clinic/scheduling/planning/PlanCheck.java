package clinic.scheduling.planning;

import java.util.List;

/** A plan with, per occurrence, every rule it breaks; the plan can be booked only when {@link #ok()}. */
public record PlanCheck(CoursePlan plan, List<OccurrenceCheck> occurrences) {

	public PlanCheck {
		occurrences = List.copyOf(occurrences);
	}

	/** One occurrence (by its index in the plan) and the rules it breaks; none if it fits. */
	public record OccurrenceCheck(int index, Slot slot, List<Problem> problems) {

		public OccurrenceCheck {
			problems = List.copyOf(problems);
		}

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	public boolean ok() {
		return occurrences.stream().allMatch(OccurrenceCheck::ok);
	}

	public List<Problem> problemsOf(int index) {
		return occurrences.get(index).problems();
	}
}
