package clinic.scheduling.consultations;

/** The store refused a consultation: it collides with another booking, named by {@link #with()}. */
public class ConsultationCollision extends RuntimeException {

	/** What the consultation collided with. */
	public enum With {
		/** another consultation in the same slot */
		SLOT,
		/** another booked consultation of the patient */
		PATIENT_BOOKED,
		/** another consultation of the patient at an overlapping time */
		PATIENT_CONSULTATION,
		/** an infusion or booster of the patient at an overlapping time */
		PATIENT_APPOINTMENT,
		/** a live hold of the slot, taken by a FHIR client ($hold) */
		SLOT_HELD,
		/** a live hold of the patient at an overlapping time */
		PATIENT_HELD
	}

	private final With with;

	public ConsultationCollision(With with, Throwable cause) {
		super("The consultation collides with " + with, cause);
		this.with = with;
	}

	public With with() {
		return with;
	}
}
