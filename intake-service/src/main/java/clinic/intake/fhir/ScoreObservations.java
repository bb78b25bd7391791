package clinic.intake.fhir;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
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
import clinic.intake.outcomes.OutcomeScore;
import clinic.intake.outcomes.OutcomeScores;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.DateRange;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;

/**
 * FHIR Observation: intake's outcome scores over time, each questionnaire total a patient had, from a screening (then
 * {@code derivedFrom} its QuestionnaireResponse) or reported with a completed session (a PHQ-9 before dosing). Id
 * {@code <source>-<instrument>-<screening or session id>} ({@code screening-phq9-…}, {@code session-phq9-…}). Read,
 * and search by {@code patient}, {@code date} (when scored), {@code status} (only {@code final}), {@code code} (the
 * totals' LOINC codes) and {@code category} ({@code survey}), earliest first, then by id: the order session-service's
 * Observations come in too, so that the gateway merges both services' pages into one.
 */
@Component
class ScoreObservations implements IResourceProvider {

	static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

	private static final Pattern ID = Pattern.compile("(screening|session)-(phq9|gad7|pcl5)-([0-9a-fA-F-]{36})");

	private static final String STATUS_SYSTEM = "http://hl7.org/fhir/observation-status";

	private final OutcomeScores scores;

	private final FhirSettings settings;

	ScoreObservations(OutcomeScores scores, FhirSettings settings) {
		this.scores = scores;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Observation.class;
	}

	@Read
	public Observation read(@IdParam IdType id) {
		var notKnown = new ResourceNotFoundException("Observation/" + id.getIdPart() + " is not known");
		var matcher = ID.matcher(String.valueOf(id.getIdPart()));
		if (!matcher.matches()) {
			throw notKnown;
		}
		var source = OutcomeScores.Source.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
		var instrument = Instruments.ofSlug(matcher.group(2)).orElseThrow(() -> notKnown);
		var score = References.uuid(matcher.group(3))
			.flatMap(sourceId -> scores.find(source, sourceId, instrument.name()))
			.orElseThrow(() -> notKnown);
		AuditedCall.concerns(score.patientId());
		return observation(score);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Observation.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Observation.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Observation.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code,
			@OptionalParam(name = Observation.SP_CATEGORY) @Nullable TokenOrListParam category,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateRange.of(date, Observation.SP_DATE, settings.timeZone());
		var patientId = patient == null ? null : Ids.referenced(patient, "patient", "Patient");
		var instruments = code == null ? Set.<String>of() : instruments(code);
		if ((patientId != null && patientId.isEmpty())
				|| (status != null && !References.only(status, STATUS_SYSTEM, ObservationStatus.FINAL.toCode(),
						ObservationStatus::fromCode))
				|| (code != null && instruments.isEmpty()) || (category != null && !survey(category))) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = scores.search(new OutcomeScores.Criteria(patientId == null ? null : patientId.get(), range.from(),
				range.before(), List.copyOf(instruments)), page.offset(), page.size());
		var resources = found.items().stream().map(score -> {
			AuditedCall.concerns(score.patientId());
			return observation(score);
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/** The instruments whose totals the codes name ({@code http://loinc.org|44261-6}, or the code alone). */
	private static Set<String> instruments(TokenOrListParam code) {
		var names = new HashSet<String>();
		for (var token : code.getValuesAsQueryTokens()) {
			if (token.getSystem() != null && !token.getSystem().isEmpty()
					&& !token.getSystem().equals(Instruments.LOINC)) {
				continue;
			}
			Instruments.ofTotal(token.getValue()).ifPresent(instrument -> names.add(instrument.name()));
		}
		return names;
	}

	/** Whether the categories asked include {@code survey}, the only one intake's scores are in. */
	private static boolean survey(TokenOrListParam category) {
		return category.getValuesAsQueryTokens()
			.stream()
			.anyMatch(token -> "survey".equals(token.getValue()) && (token.getSystem() == null
					|| token.getSystem().isEmpty() || token.getSystem().equals(CATEGORIES)));
	}

	static Observation observation(OutcomeScore score) {
		var instrument = Instruments.of(score.instrument());
		var observation = new Observation();
		observation.setId(new IdType("Observation", OutcomeScores.key(score)));
		observation.setStatus(ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept(new Coding(CATEGORIES, "survey", "Survey")));
		observation.setCode(new CodeableConcept(new Coding(Instruments.LOINC, instrument.total(),
				instrument.totalDisplay())).setText(instrument.name() + " total score"));
		observation.setSubject(new Reference("Patient/" + score.patientId()));
		observation.setEffective(References.dateTime(score.recordedAt()));
		observation.setValue(new IntegerType(score.total()));
		instrument.band(score.total())
			.ifPresent(band -> observation.addInterpretation(new CodeableConcept().setText(band)));
		if (score.source() == OutcomeScores.Source.SCREENING) {
			observation.addDerivedFrom(
					new Reference(QuestionnaireResponses.idOf(score.instrument(), score.sourceId())));
		}
		else {
			observation.addNote().setText("Reported with the completed session " + score.sourceId()
					+ " (session-service)");
		}
		return observation;
	}
}
