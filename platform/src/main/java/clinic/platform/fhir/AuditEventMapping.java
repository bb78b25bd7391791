package clinic.platform.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;

import clinic.platform.audit.AuditLog;

/**
 * A row of the audit trail as FHIR R4's AuditEvent (the RESTful pattern of the AuditEvent page, as IHE's Basic Audit
 * Log Patterns use it): a FHIR interaction is a {@code rest} event, any other call on a patient's data (the REST API,
 * HL7 v2) DICOM's {@code 110110} Patient Record; either with the interaction it was as subtype. Who is the token's
 * user or client (its client id as {@code altId}), the requestor, from the address the call came from; the observer
 * is the service whose trail it is; each patient the call named is an entity, and the call itself (its path,
 * operation, request id and user agent) another.
 */
final class AuditEventMapping {

	static final String EVENT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-event-type";

	static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

	static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";

	private static final String ENTITY_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

	private static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";

	private static final String SOURCE_TYPES = "http://terminology.hl7.org/CodeSystem/security-source-type";

	private AuditEventMapping() {
	}

	static AuditEvent auditEvent(AuditLog.Entry entry, String id, String service) {
		var event = new AuditEvent();
		event.setId(id);
		event.setType(isFhir(entry) ? new Coding(EVENT_TYPES, "rest", "Restful Operation")
				: new Coding(DICOM, "110110", "Patient Record"));
		var interaction = interaction(entry);
		if (interaction != null) {
			event.addSubtype(new Coding(INTERACTIONS, interaction, interaction));
		}
		event.setAction(action(entry, interaction));
		event.setRecorded(Date.from(entry.at()));
		event.setOutcome(outcome(entry.outcome()));
		event.setOutcomeDesc("HTTP " + entry.outcome());
		agent(event, entry);
		event.getSource()
			.setSite(service)
			.setObserver(new Reference().setIdentifier(new Identifier().setValue(service)).setDisplay(service))
			.addType(new Coding(SOURCE_TYPES, "4", "Application Server"));
		for (var patient : entry.patientIds()) {
			event.addEntity()
				.setWhat(new Reference("Patient/" + patient))
				.setType(new Coding(ENTITY_TYPES, "1", "Person"))
				.setRole(new Coding(OBJECT_ROLES, "1", "Patient"));
		}
		call(event, entry);
		return event;
	}

	/** The FHIR server's calls are recorded with their operation under {@code /fhir} ({@code GET /fhir/Patient}). */
	private static boolean isFhir(AuditLog.Entry entry) {
		return entry.action().contains(" " + FhirServer.BASE + "/");
	}

	/** FHIR's restful interaction the call was: an operation ({@code $book}), else as the trail's kind says. */
	private static @Nullable String interaction(AuditLog.Entry entry) {
		if (entry.action().contains("/$")) {
			return "operation";
		}
		if (entry.kind() == null) {
			return null;
		}
		return switch (entry.kind()) {
			case "read" -> "read";
			case "search" -> "search-type";
			case "create" -> "create";
			case "update" -> "update";
			case "delete" -> "delete";
			default -> null;
		};
	}

	/** Create, read, update, delete, or execute: a search or an operation (as IHE BALP's query is). */
	private static AuditEventAction action(AuditLog.Entry entry, @Nullable String interaction) {
		var method = entry.action().split(" ", 2)[0];
		if (interaction == null) {
			interaction = switch (method) {
				case "GET", "HEAD" -> "read";
				case "POST" -> "create";
				case "PUT", "PATCH" -> "update";
				case "DELETE" -> "delete";
				default -> "operation";
			};
		}
		return switch (interaction) {
			case "read" -> AuditEventAction.R;
			case "create" -> AuditEventAction.C;
			case "update" -> AuditEventAction.U;
			case "delete" -> AuditEventAction.D;
			default -> AuditEventAction.E;
		};
	}

	/** The HTTP status as AuditEvent grades it: success, the caller's failure (4xx), the server's (5xx). */
	static AuditEventOutcome outcome(int status) {
		if (status >= 500) {
			return AuditEventOutcome._8;
		}
		return status >= 400 ? AuditEventOutcome._4 : AuditEventOutcome._0;
	}

	private static void agent(AuditEvent event, AuditLog.Entry entry) {
		var agent = event.addAgent()
			.setWho(new Reference().setIdentifier(new Identifier().setValue(entry.actor())).setDisplay(entry.actor()))
			.setName(entry.actor())
			.setRequestor(true);
		if (entry.clientId() != null) {
			agent.setAltId(entry.clientId());
		}
		if (entry.clientAddress() != null) {
			agent.getNetwork().setAddress(entry.clientAddress()).setType(AuditEventAgentNetworkType._2);
		}
	}

	/** The call itself: its path as name, its operation as description, the request id and user agent as details. */
	private static void call(AuditEvent event, AuditLog.Entry entry) {
		var call = event.addEntity()
			.setType(new Coding(ENTITY_TYPES, "2", "System Object"))
			.setName(entry.resource())
			.setDescription(entry.action());
		if (entry.requestId() != null) {
			call.addDetail().setType("request-id").setValue(new StringType(entry.requestId().toString()));
		}
		if (entry.userAgent() != null) {
			call.addDetail().setType("user-agent").setValue(new StringType(entry.userAgent()));
		}
	}
}
