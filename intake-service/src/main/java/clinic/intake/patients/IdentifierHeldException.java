package clinic.intake.patients;

import clinic.platform.problems.ConflictException;

/** A patient claims an identifier another patient holds (409, an HL7 AE naming PID-3); the message names the holder. */
public class IdentifierHeldException extends ConflictException {

	private static final long serialVersionUID = 1L;

	public IdentifierHeldException(String system, String value, Patient holder) {
		super("Identifier " + system + "|" + value + " is held by another patient, " + holder.mrn() + " (Patient/"
				+ holder.id() + ")");
	}
}
