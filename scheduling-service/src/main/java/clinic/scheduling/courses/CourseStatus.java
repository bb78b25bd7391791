package clinic.scheduling.courses;

/**
 * Where a course is: nothing booked yet, under way, paused after a serious adverse event until a clinician resumes
 * it, every planned infusion given (boosters may follow), or cancelled before it was finished because a newer
 * eligibility decision declined the patient.
 */
public enum CourseStatus {
	TO_PLAN, ACTIVE, PAUSED, COMPLETED, CANCELLED;

	public boolean isOpen() {
		return this == TO_PLAN || this == ACTIVE;
	}

	/** Not finished yet: open or paused. A patient has at most one such course. */
	public boolean isUnfinished() {
		return isOpen() || this == PAUSED;
	}
}
