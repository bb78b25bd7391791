package clinic.intake.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;

/**
 * Why a message was not applied, as its ACK says it: {@code AE} (the message was read but its content is refused: a
 * field, a duplicate, an unknown MRN) or {@code AR} (not taken at all), the HL7 error code, the field it is about
 * ({@code PID-7}, or none) and the text. {@code outcome} is the HTTP status the same refusal would have had through
 * the API, which the audit trail records.
 */
final class Refusal extends RuntimeException {

	final AcknowledgmentCode ack;

	final ErrorCode code;

	final String field;

	final int outcome;

	private Refusal(AcknowledgmentCode ack, ErrorCode code, String field, String text, int outcome) {
		super(field.isEmpty() ? text : field + ": " + text);
		this.ack = ack;
		this.code = code;
		this.field = field;
		this.outcome = outcome;
	}

	/** A field missing or wrong: AE, 400. */
	static Refusal field(String field, String text) {
		var code = text.startsWith("required") ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.DATA_TYPE_ERROR;
		return new Refusal(AcknowledgmentCode.AE, code, field, text, 400);
	}

	static Refusal duplicate(String text) {
		return new Refusal(AcknowledgmentCode.AE, ErrorCode.DUPLICATE_KEY_IDENTIFIER, "PID-5", text, 409);
	}

	/** No patient with the MRN or identifier of {@code field} (PID-3, MRG-1). */
	static Refusal unknownPatient(String field, String text) {
		return new Refusal(AcknowledgmentCode.AE, ErrorCode.UNKNOWN_KEY_IDENTIFIER, field, text, 404);
	}

	/** PID-3 claims an identifier another patient holds. */
	static Refusal identifierHeld(String text) {
		return new Refusal(AcknowledgmentCode.AE, ErrorCode.DUPLICATE_KEY_IDENTIFIER, "PID-3", text, 409);
	}

	static Refusal conflict(String text) {
		return new Refusal(AcknowledgmentCode.AE, ErrorCode.APPLICATION_RECORD_LOCKED, "", text, 409);
	}

	static Refusal unsupported(String text) {
		return new Refusal(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "MSH-9", text, 400);
	}

	static Refusal sender(String text) {
		return new Refusal(AcknowledgmentCode.AR, ErrorCode.APPLICATION_INTERNAL_ERROR, "MSH-4", text, 403);
	}

	static Refusal failure(String text) {
		return new Refusal(AcknowledgmentCode.AE, ErrorCode.APPLICATION_INTERNAL_ERROR, "", text, 503);
	}
}
