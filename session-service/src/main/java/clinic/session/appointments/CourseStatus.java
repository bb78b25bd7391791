package clinic.session.appointments;

/** Where scheduling has a course (its own statuses, plus CANCELLED when a decline closed it). */
public enum CourseStatus {
	TO_PLAN, ACTIVE, PAUSED, COMPLETED, CANCELLED
}
