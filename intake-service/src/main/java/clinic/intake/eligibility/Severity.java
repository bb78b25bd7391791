package clinic.intake.eligibility;

/** Absolute contraindications propose DECLINED; relative ones NEEDS_REVIEW. */
public enum Severity {
	ABSOLUTE, RELATIVE
}
