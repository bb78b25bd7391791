package clinic.intake.eligibility;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where signed decisions are kept (insert only). */
public interface EligibilityDecisions {

	void insert(EligibilityDecision decision);

	/** The patient's decisions, oldest first. */
	List<EligibilityDecision> of(UUID patientId);

	/** The patient's current decision: the one no other decision supersedes (the newest if several). */
	Optional<EligibilityDecision> latestOf(UUID patientId);
}
