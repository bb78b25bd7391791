package clinic.session.fhir;

import static clinic.session.fhir.EncounterResources.isEmpty;
import static clinic.session.fhir.EncounterResources.value;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
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
 * FHIR AdverseEvent: the adverse events reported in a session (of their own id; SERIOUS is {@code Serious}, the other
 * grades {@code Non-serious} of their severity, R4's codes) and the side effects recorded ({@code side-effect-<id>},
 * never serious, their kind in the clinic's code system). Read, and search by {@code subject} (R4's name for the
 * patient), {@code date}, {@code seriousness} and {@code severity}, by date then id. Audited as the Encounter.
 */
@Component
class AdverseEventResources implements IResourceProvider {

	private final ChartViews views;

	private final FhirSettings settings;

	AdverseEventResources(ChartViews views, FhirSettings settings) {
		this.views = views;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return AdverseEvent.class;
	}

	@Read
	public AdverseEvent read(@IdParam IdType id) {
		var text = id.getIdPart() == null ? "" : id.getIdPart();
		var harm = (text.startsWith(ChartViews.SIDE_EFFECT) ? sideEffect(text.substring(ChartViews.SIDE_EFFECT.length()))
				: adverseEvent(text))
			.orElseThrow(() -> new ResourceNotFoundException("AdverseEvent/" + text + " is not known"));
		AuditedCall.concerns(harm.patientId());
		return Mapping.adverseEvent(harm, settings.codeSystem());
	}

	private Optional<ChartViews.Harm> sideEffect(String id) {
		return id.matches("\\d{1,18}") ? views.sideEffect(Long.parseLong(id)) : Optional.empty();
	}

	private Optional<ChartViews.Harm> adverseEvent(String id) {
		try {
			return views.adverseEvent(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = AdverseEvent.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = AdverseEvent.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = AdverseEvent.SP_SERIOUSNESS) @Nullable TokenOrListParam seriousness,
			@OptionalParam(name = AdverseEvent.SP_SEVERITY) @Nullable TokenOrListParam severity,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateBounds.of(date, AdverseEvent.SP_DATE);
		var patientId = subject == null ? null : Ids.referenced(subject, AdverseEvent.SP_SUBJECT, "Patient");
		var serious = seriousness == null ? null
				: Params.codes(seriousness, AdverseEvent.SP_SERIOUSNESS, Mapping.SERIOUSNESS,
						code -> Set.of("Serious", "Non-serious").contains(code) ? Set.of(code) : null);
		var severe = severity == null ? null
				: Params.codes(severity, AdverseEvent.SP_SEVERITY, Mapping.SEVERITY,
						code -> Set.of("mild", "moderate", "severe").contains(code) ? Set.of(code) : null);
		if (isEmpty(patientId)) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = views.harms(new ChartViews.Search(value(patientId), null, null, range, serious, severe,
				page.offset(), page.size()));
		var resources = found.items().stream().map(harm -> {
			AuditedCall.concerns(harm.patientId());
			return Mapping.adverseEvent(harm, settings.codeSystem());
		}).toList();
		return Pages.answer(page, resources, found.total());
	}
}
