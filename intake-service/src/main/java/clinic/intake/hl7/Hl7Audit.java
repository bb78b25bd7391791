package clinic.intake.hl7;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.platform.audit.AuditLog;

/**
 * A message's row in the audit trail, written like an API call's: the actor is the sender as a system
 * ({@code hl7:<MSH-3>@<MSH-4>}), the client {@code hl7-mllp}, the action the message type ({@code HL7 ADT^A04}), the
 * resource its control id (MSH-10), the outcome the status the same call would have had through the API (201, 200,
 * 400, 403, 404, 409, 503) and the client address the sending host.
 */
@Component
class Hl7Audit {

	static final String CLIENT = "hl7-mllp";

	private final AuditLog log;

	Hl7Audit(AuditLog log) {
		this.log = log;
	}

	/** The sender as the trail names it. */
	static String actor(Header header) {
		return "hl7:" + header.application() + "@" + header.facility();
	}

	void write(Header header, String kind, List<UUID> patients, int outcome, @Nullable String sendingAddress) {
		log.write(new AuditLog.Row(actor(header), CLIENT, "HL7 " + header.type(), kind, "MSH-10=" + header.controlId(),
				patients, outcome, sendingAddress, null, UUID.randomUUID()));
	}
}
