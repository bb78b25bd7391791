package clinic.session.appointments;

/** Where scheduling has an appointment, as far as session knows: still booked, cancelled (or moved), or no-show. */
public enum AppointmentState {
	BOOKED, CANCELLED, NO_SHOW
}
