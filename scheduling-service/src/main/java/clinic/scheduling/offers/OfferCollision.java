package clinic.scheduling.offers;

/** The store refused a hold: its chair, slot or patient is booked or held by another at an overlapping time. */
public class OfferCollision extends RuntimeException {

	/** What the hold collided with, as the database's rule names it. */
	public enum With {
		CHAIR_BOOKED, SLOT_BOOKED, PATIENT_BOOKED, CHAIR_HELD, SLOT_HELD, PATIENT_HELD
	}

	private final With with;

	public OfferCollision(With with, Throwable cause) {
		super("The hold collides: " + with, cause);
		this.with = with;
	}

	public With with() {
		return with;
	}
}
