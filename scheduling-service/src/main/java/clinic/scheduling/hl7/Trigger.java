package clinic.scheduling.hl7;

/**
 * The SIU trigger events scheduling sends (HL7 v2.5 chapter 10), each with its SCH-6 event reason and SCH-25 filler
 * status (HL7 table 0278).
 */
enum Trigger {

	/** A new appointment was booked. */
	S12("BOOKED", "Appointment booked", "Booked"),

	/** A booked appointment was moved to another time or chair. */
	S13("RESCHEDULED", "Appointment moved", "Booked"),

	/** An appointment was cancelled. */
	S15("CANCELLED", "Appointment cancelled", "Cancelled"),

	/** The patient did not come. */
	S26("NOSHOW", "Patient did not come", "Noshow");

	final String reasonCode;

	final String reasonText;

	final String fillerStatus;

	Trigger(String reasonCode, String reasonText, String fillerStatus) {
		this.reasonCode = reasonCode;
		this.reasonText = reasonText;
		this.fillerStatus = fillerStatus;
	}
}
