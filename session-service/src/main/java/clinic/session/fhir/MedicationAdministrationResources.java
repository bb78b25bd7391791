package clinic.session.fhir;

import static clinic.session.fhir.EncounterResources.isEmpty;
import static clinic.session.fhir.EncounterResources.value;

import java.util.List;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.DateBounds;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;

/**
 * FHIR MedicationAdministration: the ketamine dose of a session, of the session record's id (one dose per record).
 * {@code in-progress} while an IV infusion runs, {@code stopped} when it ended early (stopped after an alert, or the
 * nurse's reason), else {@code completed}. Read, and search by {@code patient}, {@code effective-time} (when it was
 * given), {@code status} and {@code context} (the Encounter), earliest first. Audited as the Encounter.
 */
@Component
class MedicationAdministrationResources implements IResourceProvider {

	static final String STATUS_SYSTEM = "http://terminology.hl7.org/CodeSystem/medication-admin-status";

	private static final Set<String> USED = Set.of("in-progress", "completed", "stopped");

	private final ChartViews views;

	private final FhirSettings settings;

	MedicationAdministrationResources(ChartViews views, FhirSettings settings) {
		this.views = views;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return MedicationAdministration.class;
	}

	@Read
	public MedicationAdministration read(@IdParam IdType id) {
		var uuid = Ids.uuid(id, "MedicationAdministration");
		var session = views.session(uuid).filter(found -> found.dose() != null)
			.orElseThrow(() -> new ResourceNotFoundException("MedicationAdministration/" + uuid + " is not known"));
		AuditedCall.concerns(session.patientId());
		return Mapping.administration(session);
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = MedicationAdministration.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = MedicationAdministration.SP_EFFECTIVE_TIME) @Nullable DateRangeParam date,
			@OptionalParam(name = MedicationAdministration.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = MedicationAdministration.SP_CONTEXT) @Nullable ReferenceParam context,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateBounds.of(date, MedicationAdministration.SP_EFFECTIVE_TIME);
		var patientId = patient == null ? null : Ids.referenced(patient, MedicationAdministration.SP_PATIENT, "Patient");
		var sessionId = context == null ? null
				: Ids.referenced(context, MedicationAdministration.SP_CONTEXT, "Encounter");
		var states = status == null ? null
				: Params.codes(status, MedicationAdministration.SP_STATUS, STATUS_SYSTEM,
						MedicationAdministrationResources::meaning);
		if (isEmpty(patientId) || isEmpty(sessionId)) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = views.doses(new ChartViews.Search(value(patientId), value(sessionId), null, range, states, null,
				page.offset(), page.size()));
		var resources = found.items().stream().map(session -> {
			AuditedCall.concerns(session.patientId());
			return Mapping.administration(session);
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	private static @Nullable Set<String> meaning(String code) {
		try {
			MedicationAdministration.MedicationAdministrationStatus.fromCode(code);
		}
		catch (Exception unknown) {
			return null;
		}
		return USED.contains(code) ? Set.of(code) : Set.of();
	}
}
