package clinic.intake.reminders;

/** A course as scheduling last told of it; reminders go only for an ACTIVE or COMPLETED (boosters) one. */
public enum CourseState {
	ACTIVE, PAUSED, CANCELLED, COMPLETED;

	public boolean remindable() {
		return this == ACTIVE || this == COMPLETED;
	}
}
