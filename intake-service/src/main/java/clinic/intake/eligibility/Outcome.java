package clinic.intake.eligibility;

/** What the rules propose; a signed decision is only ever CLEARED or DECLINED. */
public enum Outcome {
	CLEARED, DECLINED, NEEDS_REVIEW
}
