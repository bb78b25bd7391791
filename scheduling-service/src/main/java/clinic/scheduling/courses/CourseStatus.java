package clinic.scheduling.courses;

/**
 * Where a course is: nothing booked yet, under way, paused after a serious adverse event until a clinician resumes
 * it, or every planned infusion given.
 */
public enum CourseStatus {
	TO_PLAN, ACTIVE, PAUSED, COMPLETED;

	public boolean isOpen() {
		return this == TO_PLAN || this == ACTIVE;
	}
}
