package clinic.intake.eligibility;

import java.util.List;
import java.util.UUID;

/** Where signed decisions are kept (insert only). */
public interface EligibilityDecisions {

	void insert(EligibilityDecision decision);

	List<EligibilityDecision> of(UUID patientId);
}
