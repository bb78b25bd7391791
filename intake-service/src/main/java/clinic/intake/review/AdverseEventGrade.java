package clinic.intake.review;

/** The grade of an adverse event as the session record reports it. */
public enum AdverseEventGrade {
	MILD, MODERATE, SEVERE, SERIOUS
}
