package clinic.session.fhir;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
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
 * FHIR Encounter: every session record, from check-in (or the record's opening) to the second signature. Read, and
 * search by {@code patient}, {@code date} (when it began), {@code status} ({@code arrived}: not checked in yet,
 * {@code in-progress}, {@code finished}: signed) and {@code appointment}, earliest first. The audit trail names the
 * patient of every encounter answered, and the patient a search asked for.
 */
@Component
class EncounterResources implements IResourceProvider {

	static final String STATUS_SYSTEM = "http://hl7.org/fhir/encounter-status";

	private static final Set<String> USED = Set.of("arrived", "in-progress", "finished");

	private final ChartViews views;

	private final FhirSettings settings;

	EncounterResources(ChartViews views, FhirSettings settings) {
		this.views = views;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Encounter.class;
	}

	@Read
	public Encounter read(@IdParam IdType id) {
		var uuid = Ids.uuid(id, "Encounter");
		var session = views.session(uuid)
			.orElseThrow(() -> new ResourceNotFoundException("Encounter/" + uuid + " is not known"));
		AuditedCall.concerns(session.patientId());
		return Mapping.encounter(session);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Encounter.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Encounter.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Encounter.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = Encounter.SP_APPOINTMENT) @Nullable ReferenceParam appointment,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateBounds.of(date, Encounter.SP_DATE);
		var patientId = patient == null ? null : Ids.referenced(patient, Encounter.SP_PATIENT, "Patient");
		var appointmentId = appointment == null ? null
				: Ids.referenced(appointment, Encounter.SP_APPOINTMENT, "Appointment");
		var states = status == null ? null
				: Params.codes(status, Encounter.SP_STATUS, STATUS_SYSTEM, EncounterResources::meaning);
		if (isEmpty(patientId) || isEmpty(appointmentId)) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = views.sessions(new ChartViews.Search(value(patientId), null, value(appointmentId), range, states,
				null, page.offset(), page.size()));
		var resources = found.items().stream().map(session -> {
			AuditedCall.concerns(session.patientId());
			return Mapping.encounter(session);
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/** A status the clinic uses finds itself; one of R4's it never uses finds nothing; anything else is unknown. */
	private static @Nullable Set<String> meaning(String code) {
		try {
			Encounter.EncounterStatus.fromCode(code);
		}
		catch (Exception unknown) {
			return null;
		}
		return USED.contains(code) ? Set.of(code) : Set.of();
	}

	static boolean isEmpty(@Nullable Optional<UUID> id) {
		return id != null && id.isEmpty();
	}

	static @Nullable UUID value(@Nullable Optional<UUID> id) {
		return id == null ? null : id.get();
	}
}
