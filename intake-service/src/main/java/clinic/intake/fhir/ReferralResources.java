package clinic.intake.fhir;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import clinic.intake.patients.PatientService;
import clinic.intake.patients.Referral;
import clinic.intake.patients.ReferralCriteria;
import clinic.intake.patients.ReferralState;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;

/**
 * FHIR ServiceRequest, intake's referral: read, search by patient and status (with the patients, {@code _include}),
 * and create, which adds a referral for a registered patient as the REST API does.
 */
@Component
class ReferralResources implements IResourceProvider {

	static final String INCLUDE_PATIENT = "ServiceRequest:patient";

	private static final String REQUEST_STATUS = "http://hl7.org/fhir/request-status";

	private final PatientService patients;

	private final FhirMapping mapping;

	private final FhirSettings settings;

	ReferralResources(PatientService patients, FhirMapping mapping, FhirSettings settings) {
		this.patients = patients;
		this.mapping = mapping;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return ServiceRequest.class;
	}

	@Read
	public ServiceRequest read(@IdParam IdType id) {
		var referral = patients.referral(Ids.uuid(id, "ServiceRequest"));
		AuditedCall.concerns(referral.patientId());
		return mapping.serviceRequest(referral);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = ServiceRequest.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = ServiceRequest.SP_STATUS) @Nullable TokenOrListParam status,
			@IncludeParam(allow = { INCLUDE_PATIENT }) @Nullable Set<Include> includes, @Offset @Nullable Integer offset,
			@Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var patientId = patient == null ? null : Ids.referenced(patient, "patient", "Patient");
		var states = status == null ? EnumSet.noneOf(ReferralState.class) : states(status);
		if ((patient != null && patientId.isEmpty()) || (status != null && states.isEmpty())) {
			return Pages.answer(page, List.of(), 0);
		}
		var found = patients.findReferrals(new ReferralCriteria(patientId == null ? null : patientId.get(), states),
				page.offset(), page.size());
		var withPatients = includes != null && includes.stream().anyMatch(i -> i.getValue().equals(INCLUDE_PATIENT));
		var resources = found.items().stream().map(referral -> {
			AuditedCall.concerns(referral.patientId());
			var resource = mapping.serviceRequest(referral);
			if (withPatients) {
				var subject = referral.patientId();
				resource.getSubject().setResource(mapping.patient(patients.get(subject), patients.identity(subject)));
			}
			return resource;
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/** Adds a referral for the registered patient the ServiceRequest's subject names. */
	@Create
	public MethodOutcome create(@ResourceParam ServiceRequest resource) {
		AuditedCall.willAnswer(201);
		var subject = resource.getSubject().getReferenceElement();
		if (!"Patient".equals(subject.getResourceType()) || subject.getIdPart() == null) {
			throw new UnprocessableEntityException("ServiceRequest.subject must name a Patient (Patient/<id>)");
		}
		var patientId = Ids.uuid(subject, "Patient");
		var indication = resource.getReasonCode()
			.stream()
			.map(mapping::indicationOf)
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new UnprocessableEntityException(
					"ServiceRequest.reasonCode must name the indication in " + settings.indicationSystem()));
		var clinician = resource.getRequester().getDisplay();
		if (clinician == null || clinician.isBlank()) {
			throw new UnprocessableEntityException("ServiceRequest.requester.display (the referring clinician) is "
					+ "required");
		}
		var reason = resource.getNoteFirstRep().getText();
		Checks.referral(clinician, reason);
		Referral referral = patients.addReferral(patientId,
				new PatientService.NewReferral(clinician, reason, indication, List.of()));
		return new MethodOutcome(new IdType("ServiceRequest", referral.id().toString()), true)
			.setResource(mapping.serviceRequest(referral));
	}

	/** The referral states the asked statuses stand for; an unknown status is a bad request. */
	private static Set<ReferralState> states(TokenOrListParam status) {
		var states = new HashSet<ReferralState>();
		for (var token : status.getValuesAsQueryTokens()) {
			if (token.getSystem() != null && !token.getSystem().isEmpty() && !token.getSystem().equals(REQUEST_STATUS)) {
				throw new InvalidRequestException("status is a code of " + REQUEST_STATUS);
			}
			try {
				states.addAll(FhirMapping.states(ServiceRequest.ServiceRequestStatus.fromCode(token.getValue())));
			}
			catch (Exception unknown) {
				throw new InvalidRequestException("Unknown status '" + token.getValue() + "'");
			}
		}
		return states;
	}
}
