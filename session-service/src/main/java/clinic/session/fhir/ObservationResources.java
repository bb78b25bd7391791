package clinic.session.fhir;

import static clinic.session.fhir.EncounterResources.isEmpty;
import static clinic.session.fhir.EncounterResources.value;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
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
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.DateBounds;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;

/**
 * FHIR Observation: the vitals charted in a session (each reading four Observations: {@code bp-<reading>},
 * {@code hr-}, {@code spo2-}, {@code rr-}) and its CADSS-6 scores ({@code cadss-<score>}), all final. Read, and search
 * by {@code patient}, {@code encounter}, {@code date}, {@code code} (LOINC, or the clinic's code of CADSS-6),
 * {@code category} ({@code vital-signs}, {@code survey}) and {@code status}, by date then id. Intake serves
 * Observations of its own (outcome scores): the gateway is to bring the two together, so session's ids never look like
 * intake's UUIDs. The audit trail names the patient of every Observation answered, and the patient a search asked for.
 */
@Component
class ObservationResources implements IResourceProvider {

	private static final Pattern ID = Pattern.compile("(bp|hr|spo2|rr|cadss)-(\\d{1,18})");

	private static final Set<String> VITALS = Set.of("bp", "hr", "spo2", "rr");

	/** The LOINC codes of the vital signs: the Observation's code of each kind. */
	private static final Map<String, String> LOINC_KINDS = Map.of("85354-9", "bp", "8867-4", "hr", "2708-6", "spo2",
			"59408-5", "spo2", "9279-1", "rr");

	private final ChartViews views;

	private final FhirSettings settings;

	ObservationResources(ChartViews views, FhirSettings settings) {
		this.views = views;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Observation.class;
	}

	@Read
	public Observation read(@IdParam IdType id) {
		var match = ID.matcher(id.getIdPart() == null ? "" : id.getIdPart());
		if (!match.matches()) {
			throw new ResourceNotFoundException("Observation/" + id.getIdPart() + " is not known");
		}
		var measure = views.measure(match.group(1), Long.parseLong(match.group(2)))
			.orElseThrow(() -> new ResourceNotFoundException("Observation/" + id.getIdPart() + " is not known"));
		AuditedCall.concerns(measure.patientId());
		return Mapping.observation(measure, settings.codeSystem());
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Observation.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Observation.SP_ENCOUNTER) @Nullable ReferenceParam encounter,
			@OptionalParam(name = Observation.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code,
			@OptionalParam(name = Observation.SP_CATEGORY) @Nullable TokenOrListParam category,
			@OptionalParam(name = Observation.SP_STATUS) @Nullable TokenOrListParam status,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateBounds.of(date, Observation.SP_DATE);
		var patientId = patient == null ? null : Ids.referenced(patient, Observation.SP_PATIENT, "Patient");
		var sessionId = encounter == null ? null : Ids.referenced(encounter, Observation.SP_ENCOUNTER, "Encounter");
		var kinds = kinds(code, category);
		if (status != null && Params.codes(status, Observation.SP_STATUS, "http://hl7.org/fhir/observation-status",
				ObservationResources::status).isEmpty()) {
			kinds = Set.of();
		}
		if (isEmpty(patientId) || isEmpty(sessionId)) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = views.measures(new ChartViews.Search(value(patientId), value(sessionId), null, range, null, kinds,
				page.offset(), page.size()));
		var resources = found.items().stream().map(measure -> {
			AuditedCall.concerns(measure.patientId());
			return Mapping.observation(measure, settings.codeSystem());
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/** The kinds both {@code code} and {@code category} allow (null: any). */
	private @Nullable Set<String> kinds(@Nullable TokenOrListParam code, @Nullable TokenOrListParam category) {
		Set<String> kinds = null;
		if (code != null) {
			kinds = new LinkedHashSet<>();
			for (var token : code.getValuesAsQueryTokens()) {
				var system = token.getSystem() == null || token.getSystem().isEmpty() ? null : token.getSystem();
				if (token.getValue() == null || token.getValue().isBlank()) {
					throw new InvalidRequestException("A code search needs a code: code=http://loinc.org|8867-4");
				}
				if ((system == null || system.equals(Mapping.LOINC)) && LOINC_KINDS.containsKey(token.getValue())) {
					kinds.add(LOINC_KINDS.get(token.getValue()));
				}
				if ((system == null || system.equals(settings.codeSystem())) && token.getValue().equals(Mapping.CADSS)) {
					kinds.add("cadss");
				}
			}
		}
		if (category != null) {
			var categories = Params.codes(category, Observation.SP_CATEGORY, Mapping.CATEGORIES,
					value -> switch (value) {
						case "vital-signs" -> VITALS;
						case "survey" -> Set.of("cadss");
						default -> Set.of();
					});
			kinds = kinds == null ? categories : kinds.stream().filter(categories::contains)
				.collect(Collectors.toSet());
		}
		return kinds;
	}

	private static @Nullable Set<String> status(String code) {
		try {
			Observation.ObservationStatus.fromCode(code);
		}
		catch (Exception unknown) {
			return null;
		}
		return code.equals("final") ? Set.of(code) : Set.of();
	}
}
