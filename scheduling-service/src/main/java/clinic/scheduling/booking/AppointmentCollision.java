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
		BOOKING_IN_PROGRESS
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
