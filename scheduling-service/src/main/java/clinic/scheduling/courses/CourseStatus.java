package clinic.scheduling.courses;

/** Where a course is: nothing booked yet, under way, or every planned infusion given. */
public enum CourseStatus {
	TO_PLAN, ACTIVE, COMPLETED;

	public boolean isOpen() {
		return this == TO_PLAN || this == ACTIVE;
	}
}
