package clinic.intake.eligibility;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules' proposal as each screening recorded it, which a clinician's decision is signed against. Screening keeps
 * the screenings and answers this; eligibility, which screening asks for its proposals, does not reach back into it.
 */
public interface ScreeningProposals {

	/** The proposal recorded with the patient's screening; empty when the patient has no such screening. */
	Optional<Proposal> of(UUID patientId, UUID screeningId);
}
