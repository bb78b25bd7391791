package clinic.scheduling.planning;

import java.util.List;
import java.util.UUID;

/** A proposed course: the patient's occurrences, in the order they are numbered (infusion 1 first). */
public record CoursePlan(UUID patientId, List<Slot> occurrences) {

	public CoursePlan {
		occurrences = List.copyOf(occurrences);
	}
}
