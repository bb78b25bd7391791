package clinic.scheduling.booking;

/** The store refused an appointment because it overlaps another one (or one being booked at the same moment). */
public class AppointmentCollision extends RuntimeException {

	/** What the appointment collided with. */
	public enum With {
		/** another appointment of the same chair */
		CHAIR,
		/** another appointment of the same patient */
		PATIENT,
		/** a consultation of the same patient */
		CONSULTATION,
		/** a booking that was being made at the very same moment and has not finished yet */
		BOOKING_IN_PROGRESS,
		/** a live hold of the same chair, taken by a FHIR client ($hold) */
		HELD_CHAIR,
		/** a live hold of the same patient at an overlapping time */
		HELD_PATIENT
	}

	private final With with;

	public AppointmentCollision(With with, Throwable cause) {
		super("The appointment collides with " + with, cause);
		this.with = with;
	}

	public With with() {
		return with;
	}
}
