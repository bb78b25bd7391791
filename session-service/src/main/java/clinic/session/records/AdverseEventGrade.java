package clinic.session.records;

/** DOMAIN.md's grades; a SERIOUS adverse event notifies the clinician and pauses the course (scheduling). */
public enum AdverseEventGrade {
	MILD, MODERATE, SEVERE, SERIOUS
}
