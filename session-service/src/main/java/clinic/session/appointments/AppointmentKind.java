package clinic.session.appointments;

/** What an appointment is for (scheduling's kinds). Only infusions and boosters get a session record. */
public enum AppointmentKind {
	CONSULTATION, INFUSION, BOOSTER;

	public boolean isDosing() {
		return this != CONSULTATION;
	}
}
