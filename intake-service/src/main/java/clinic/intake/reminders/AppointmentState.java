package clinic.intake.reminders;

/** An appointment as scheduling last told of it. */
public enum AppointmentState {
	BOOKED, MOVED, CANCELLED, NO_SHOW
}
