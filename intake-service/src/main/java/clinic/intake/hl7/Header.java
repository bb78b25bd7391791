package clinic.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;

/** Who sent a message, and what it is: MSH-3 (application), MSH-4 (facility), MSH-9 ({@code ADT^A04}), MSH-10. */
record Header(String application, String facility, String type, String controlId) {

	static Header of(Message message) throws HL7Exception {
		var msh = (Segment) message.get("MSH");
		return new Header(or(Fields.get(msh, 3, 1, 1)), or(Fields.get(msh, 4, 1, 1)),
				or(Fields.get(msh, 9, 1, 1)) + "^" + or(Fields.get(msh, 9, 2, 1)), or(Fields.get(msh, 10, 1, 1)));
	}

	private static String or(String value) {
		return value == null ? "" : Fields.printable(value);
	}
}
