package clinic.intake.reminders;

/** What a reminder is about: one appointment, or the whole course just booked. */
public enum ReminderKind {
	APPOINTMENT, COURSE_CONFIRMATION
}
