package clinic.scheduling.fhir;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.DateRange;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.agenda.Agenda;
import clinic.scheduling.agenda.VisitCriteria;
import clinic.scheduling.booking.AppointmentStatus;

/**
 * FHIR Appointment: every booked time of a patient, infusions and boosters in a chair and consultations with a
 * clinician (the {@code agenda}). Read, and search by {@code patient}, {@code date} (the start), {@code status}, earliest
 * first. The audit trail names the patient of every appointment answered, and the patient a search asked for.
 */
@Component
class AppointmentResources implements IResourceProvider {

	private static final String STATUS_SYSTEM = "http://hl7.org/fhir/appointmentstatus";

	private final Agenda agenda;

	private final FhirSettings settings;

	private final SchedulingSettings scheduling;

	private final BookingOperations operations;

	AppointmentResources(Agenda agenda, FhirSettings settings, SchedulingSettings scheduling,
			BookingOperations operations) {
		this.agenda = agenda;
		this.settings = settings;
		this.scheduling = scheduling;
		this.operations = operations;
	}

	/**
	 * ITI-115 Find Potential Appointments: proposed Appointments for the patient in [start, end), a consultation or
	 * an infusion ({@code visit-type}, also read as {@code appointment-type}), at a site ({@code location-reference});
	 * with {@code course=true} (the clinic's extension) the patient's whole induction course. POST with Parameters.
	 */
	@Operation(name = "$find")
	public Bundle find(@OperationParam(name = "start", max = 1) @Nullable DateTimeType start,
			@OperationParam(name = "end", max = 1) @Nullable DateTimeType end,
			@OperationParam(name = "patient-reference", max = 1) @Nullable Reference patientReference,
			@OperationParam(name = "patient", max = 1) @Nullable Reference patient,
			@OperationParam(name = "location-reference", max = 1) @Nullable Reference locationReference,
			@OperationParam(name = "location", max = 1) @Nullable Reference location,
			@OperationParam(name = "visit-type", max = 1) @Nullable StringType visitType,
			@OperationParam(name = "appointment-type", max = 1) @Nullable StringType appointmentType,
			@OperationParam(name = "specialty") @Nullable List<StringType> specialty,
			@OperationParam(name = "_count", max = 1) @Nullable IntegerType count,
			@OperationParam(name = "course", max = 1) @Nullable BooleanType course, RequestDetails request) {
		return operations.find(new BookingOperations.FindParameters(start, end, either(patientReference, patient),
				either(locationReference, location), either(visitType, appointmentType), count, course),
				request.getFhirServerBase());
	}

	/** ITI-116 Hold Appointment: the proposed appointment (a course: all of it) held, status pending. */
	@Operation(name = "$hold")
	public Bundle hold(@OperationParam(name = "appointment-reference", max = 1) @Nullable Reference reference,
			RequestDetails request) {
		return operations.hold(reference, request.getFhirServerBase());
	}

	/** ITI-117 Book Appointment: the held or proposed appointment (a course: all of it) booked. */
	@Operation(name = "$book")
	public Bundle book(@OperationParam(name = "appointment-reference", max = 1) @Nullable Reference reference,
			@OperationParam(name = "appointment-resource", max = 1) @Nullable Appointment resource,
			RequestDetails request) {
		return operations.book(reference, resource, request.getFhirServerBase());
	}

	private static @Nullable Type either(@Nullable Type profiles, @Nullable Type alias) {
		return profiles != null ? profiles : alias;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Appointment.class;
	}

	@Read
	public Appointment read(@IdParam IdType id) {
		var uuid = Ids.uuid(id, "Appointment");
		var visit = agenda.find(uuid)
			.orElseThrow(() -> new ResourceNotFoundException("Appointment/" + uuid + " is not known"));
		AuditedCall.concerns(visit.patientId());
		return Mapping.appointment(visit);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Appointment.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Appointment.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Appointment.SP_STATUS) @Nullable TokenOrListParam status,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateRange.of(date, Appointment.SP_DATE, scheduling.timeZone());
		var patientId = patient == null ? null : Ids.referenced(patient, Appointment.SP_PATIENT, "Patient");
		var statuses = status == null ? EnumSet.noneOf(AppointmentStatus.class) : statuses(status);
		if ((patientId != null && patientId.isEmpty()) || (status != null && statuses.isEmpty())) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = agenda.search(new VisitCriteria(patientId == null ? null : patientId.get(), range.from(),
				range.before(), statuses), page.offset(), page.size());
		var resources = found.items().stream().map(visit -> {
			AuditedCall.concerns(visit.patientId());
			return Mapping.appointment(visit);
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/**
	 * The clinic's statuses the asked codes stand for: a code of R4's the clinic never uses ({@code proposed},
	 * {@code pending}, {@code waitlist}, {@code entered-in-error}) finds nothing, any other is a bad request.
	 */
	private static Set<AppointmentStatus> statuses(TokenOrListParam status) {
		var statuses = EnumSet.noneOf(AppointmentStatus.class);
		for (var token : status.getValuesAsQueryTokens()) {
			if (token.getSystem() != null && !token.getSystem().isEmpty() && !token.getSystem().equals(STATUS_SYSTEM)) {
				throw new InvalidRequestException("status is a code of " + STATUS_SYSTEM);
			}
			try {
				Appointment.AppointmentStatus.fromCode(token.getValue());
			}
			catch (Exception unknown) {
				throw new InvalidRequestException("Unknown status '" + token.getValue() + "'");
			}
			for (var known : AppointmentStatus.values()) {
				if (known.code().equals(token.getValue())) {
					statuses.add(known);
				}
			}
		}
		return statuses;
	}
}
