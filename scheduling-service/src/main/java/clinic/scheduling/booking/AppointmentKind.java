package clinic.scheduling.booking;

/** What an appointment is for; this slice books infusions of a course. */
public enum AppointmentKind {
	CONSULTATION, INFUSION, BOOSTER
}
