package clinic.scheduling.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import clinic.platform.audit.AuditedCall;
import clinic.scheduling.agenda.Agenda;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.offers.Offer;
import clinic.scheduling.offers.OfferKind;
import clinic.scheduling.offers.OfferService;

/**
 * IHE ITI Scheduling's operations on Appointment, read from their FHIR parameters and answered as the profile's
 * Bundles (searchset): $find (ITI-115) proposed Appointments, $hold (ITI-116) the held ones (pending, with an
 * OperationOutcome saying until when), $book (ITI-117) the booked ones as any read answers them. The clinic's extension
 * {@code course=true} finds, holds and books a whole induction course at once. Every patient concerned is named in the
 * audit trail.
 */
@Component
class BookingOperations {

	/** The clinic's visit types: what $find's {@code visit-type} (or {@code appointment-type}) names. */
	static final String VISIT_TYPES = "https://ketamine-clinic.example/fhir/CodeSystem/visit-type";

	static final String CONSULTATION = "consultation";

	static final String INFUSION = "infusion";

	private final OfferService offers;

	private final Agenda agenda;

	private final FhirSettings settings;

	BookingOperations(OfferService offers, Agenda agenda, FhirSettings settings) {
		this.offers = offers;
		this.agenda = agenda;
		this.settings = settings;
	}

	/** $find's parameters as the operation received them (each may be absent). */
	record FindParameters(@Nullable DateTimeType start, @Nullable DateTimeType end, @Nullable Type patient,
			@Nullable Type location, @Nullable Type visitType, @Nullable IntegerType count,
			@Nullable BooleanType course) {
	}

	Bundle find(FindParameters parameters, String base) {
		var start = required(parameters.start(), "start");
		var end = required(parameters.end(), "end");
		if (!end.getValue().after(start.getValue())) {
			throw new InvalidRequestException("end (" + end.getValueAsString() + ") must come after start ("
					+ start.getValueAsString() + ")");
		}
		var patientId = id(required(parameters.patient(), "patient-reference"), "patient-reference", "Patient");
		AuditedCall.concerns(patientId);
		var siteId = parameters.location() == null ? null : id(parameters.location(), "location-reference", "Location");
		var kind = kind(required(parameters.visitType(), "visit-type"));
		var count = parameters.count() == null || parameters.count().getValue() == null ? settings.pageSize()
				: parameters.count().getValue();
		if (count < 1 || count > settings.maxPageSize()) {
			throw new InvalidRequestException("_count is 1 to " + settings.maxPageSize() + ": " + count);
		}
		var wholeCourse = parameters.course() != null && Boolean.TRUE.equals(parameters.course().getValue());
		var wishes = new PlanningService.Wishes(siteId, start.getValue().toInstant(), end.getValue().toInstant(),
				Set.of(), null, null, Set.of());
		var found = offers.find(new OfferService.Wanted(patientId, kind, wholeCourse, wishes, count),
				settings.proposalTtl());
		var requested = new org.hl7.fhir.r4.model.Period().setStartElement(start.copy()).setEndElement(end.copy());
		return bundle(base, found.stream().map(offer -> {
			var appointment = Mapping.offered(offer, Appointment.AppointmentStatus.PROPOSED);
			appointment.addRequestedPeriod(requested.copy());
			return (Resource) appointment;
		}).toList(), null);
	}

	Bundle hold(@Nullable Reference reference, String base) {
		var held = offers.hold(offerId(reference), settings.holdTtl());
		held.offers().forEach(offer -> AuditedCall.concerns(offer.patientId()));
		var until = held.offers().get(0).heldUntil();
		var outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
			.setCode(OperationOutcome.IssueType.INFORMATIONAL)
			.setDiagnostics("Held until " + until + (held.offers().size() > 1 ? " (all " + held.offers().size()
					+ " infusions of the course)" : "") + "; book it ($book) before then, or the hold lapses");
		return bundle(base, held.offers()
			.stream()
			.map(offer -> (Resource) Mapping.offered(offer, Appointment.AppointmentStatus.PENDING))
			.toList(), outcome);
	}

	Bundle book(@Nullable Reference reference, @Nullable Appointment resource, String base) {
		if (reference == null && resource == null) {
			throw new InvalidRequestException("$book needs appointment-reference (Appointment/<id> of a proposed or "
					+ "held appointment) or appointment-resource (that Appointment, status pending)");
		}
		if (reference != null && resource != null) {
			throw new InvalidRequestException("$book takes appointment-reference or appointment-resource, not both");
		}
		if (resource != null && resource.getStatus() != Appointment.AppointmentStatus.PENDING
				&& resource.getStatus() != Appointment.AppointmentStatus.PROPOSED) {
			throw new InvalidRequestException("appointment-resource books a new appointment: its status is pending "
					+ "(held) or proposed, not " + (resource.getStatus() == null ? "missing" : resource.getStatus().toCode())
					+ "; changing or cancelling an appointment through $book is not supported");
		}
		var id = reference != null ? offerId(reference)
				: offerId(new Reference("Appointment/" + resource.getIdElement().getIdPart()));
		var booked = offers.book(id);
		AuditedCall.concerns(booked.patientId());
		return bundle(base, booked.ids()
			.stream()
			.map(visit -> (Resource) Mapping.appointment(agenda.find(visit).orElseThrow()))
			.toList(), null);
	}

	private static Bundle bundle(String base, List<Resource> appointments, @Nullable OperationOutcome outcome) {
		var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(appointments.size());
		bundle.setId(UUID.randomUUID().toString());
		bundle.getMeta().setLastUpdatedElement(new org.hl7.fhir.r4.model.InstantType(java.util.Date.from(Instant.now())));
		for (var appointment : appointments) {
			bundle.addEntry()
				.setFullUrl(base + "/Appointment/" + appointment.getIdElement().getIdPart())
				.setResource(appointment)
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		if (outcome != null) {
			outcome.setId(UUID.randomUUID().toString());
			bundle.addEntry()
				.setFullUrl("urn:uuid:" + outcome.getIdElement().getIdPart())
				.setResource(outcome)
				.getSearch()
				.setMode(Bundle.SearchEntryMode.OUTCOME);
		}
		return bundle;
	}

	private static <T> T required(@Nullable T value, String name) {
		if (value == null || (value instanceof PrimitiveType<?> primitive && primitive.isEmpty())) {
			throw new InvalidRequestException("$find needs " + name);
		}
		return value;
	}

	private static UUID offerId(@Nullable Reference reference) {
		if (reference == null || reference.getReferenceElement().getIdPart() == null) {
			throw new InvalidRequestException("appointment-reference names a proposed appointment: Appointment/<id> "
					+ "from $find");
		}
		return id(reference, "appointment-reference", "Appointment");
	}

	/** The id a reference (or a string of one) names: {@code Type/<id>}, an absolute URL ending so, or a bare id. */
	private static UUID id(Type value, String name, String type) {
		String text;
		if (value instanceof Reference reference) {
			text = reference.getReference();
		}
		else if (value instanceof PrimitiveType<?> primitive) {
			text = primitive.getValueAsString();
		}
		else {
			throw new InvalidRequestException(name + " is a Reference (" + type + "/<id>)");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException(name + " is a Reference (" + type + "/<id>)");
		}
		var parts = text.split("/");
		var idPart = parts[parts.length - 1];
		if (parts.length > 1 && !parts[parts.length - 2].equals(type)) {
			throw new InvalidRequestException(name + " names a " + type + " (" + type + "/<id>): " + text);
		}
		try {
			return UUID.fromString(idPart);
		}
		catch (IllegalArgumentException notAnId) {
			throw new InvalidRequestException(name + " names no " + type + " of this server: " + text);
		}
	}

	/** The visit type asked for: a code of the clinic's visit types, as a code, token, Coding or CodeableConcept. */
	private static OfferKind kind(Type value) {
		String system = null;
		String code;
		if (value instanceof Coding coding) {
			system = coding.getSystem();
			code = coding.getCode();
		}
		else if (value instanceof CodeableConcept concept && !concept.getCoding().isEmpty()) {
			system = concept.getCodingFirstRep().getSystem();
			code = concept.getCodingFirstRep().getCode();
		}
		else if (value instanceof PrimitiveType<?> primitive && primitive.getValueAsString() != null) {
			var token = primitive.getValueAsString();
			int bar = token.lastIndexOf('|');
			system = bar < 0 ? null : token.substring(0, bar);
			code = bar < 0 ? token : token.substring(bar + 1);
		}
		else {
			throw new InvalidRequestException("visit-type is a code of " + VISIT_TYPES + ": " + CONSULTATION + " or "
					+ INFUSION);
		}
		if (system != null && !system.isEmpty() && !system.equals(VISIT_TYPES)) {
			throw new InvalidRequestException("visit-type is a code of " + VISIT_TYPES + ", not of " + system);
		}
		if (CONSULTATION.equals(code)) {
			return OfferKind.CONSULTATION;
		}
		if (INFUSION.equals(code)) {
			return OfferKind.INFUSION;
		}
		throw new InvalidRequestException("visit-type '" + code + "' is unknown: " + CONSULTATION + " or " + INFUSION
				+ " (" + VISIT_TYPES + ")");
	}
}
