package clinic.intake.patients;

import java.util.List;

/**
 * A registration looks like a patient who is already registered (same birth date and a similar name, or same
 * birth date and phone). The front desk either picks the existing record or resubmits confirming that the
 * person is not a duplicate.
 */
public class LikelyDuplicateException extends RuntimeException {

	private final transient List<Patient> candidates;

	public LikelyDuplicateException(List<Patient> candidates) {
		super("A likely duplicate of this patient is already registered (" + candidates.size()
				+ " candidate(s)); use the existing record, or resubmit with confirmedNotDuplicate=true");
		this.candidates = List.copyOf(candidates);
	}

	public List<Patient> candidates() {
		return candidates;
	}
}
