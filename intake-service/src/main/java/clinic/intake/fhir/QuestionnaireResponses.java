package clinic.intake.fhir;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
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
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.intake.screening.AnsweredQuestionnaire;
import clinic.intake.screening.QuestionnaireCriteria;
import clinic.intake.screening.ScreeningService;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.DateRange;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;

/**
 * FHIR QuestionnaireResponse: each questionnaire a recorded screening answered (PHQ-9, GAD-7, PCL-5), id
 * {@code <instrument>-<screening id>} ({@code phq9-…}). Read, and search by {@code patient}, {@code authored} (when it
 * was screened), {@code status} (only {@code completed}: a screening is recorded whole) and {@code questionnaire}
 * (LOINC's canonical), earliest first, then by id, as the gateway merges them with other services' responses.
 */
@Component
class QuestionnaireResponses implements IResourceProvider {

	private static final Pattern ID = Pattern.compile("(phq9|gad7|pcl5)-([0-9a-fA-F-]{36})");

	private static final String STATUS_SYSTEM = "http://hl7.org/fhir/questionnaire-answers-status";

	private final ScreeningService screenings;

	private final FhirSettings settings;

	QuestionnaireResponses(ScreeningService screenings, FhirSettings settings) {
		this.screenings = screenings;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return QuestionnaireResponse.class;
	}

	@Read
	public QuestionnaireResponse read(@IdParam IdType id) {
		var notKnown = new ResourceNotFoundException("QuestionnaireResponse/" + id.getIdPart() + " is not known");
		var matcher = ID.matcher(String.valueOf(id.getIdPart()));
		if (!matcher.matches()) {
			throw notKnown;
		}
		var instrument = Instruments.ofSlug(matcher.group(1)).orElseThrow(() -> notKnown);
		var screening = References.uuid(matcher.group(2))
			.flatMap(screenings::find)
			.orElseThrow(() -> notKnown);
		AuditedCall.concerns(screening.patientId());
		var answered = new AnsweredQuestionnaire(screening, instrument.name());
		return response(answered).orElseThrow(() -> notKnown);
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = QuestionnaireResponse.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = QuestionnaireResponse.SP_AUTHORED) @Nullable DateRangeParam authored,
			@OptionalParam(name = QuestionnaireResponse.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = QuestionnaireResponse.SP_QUESTIONNAIRE) @Nullable ReferenceOrListParam questionnaire,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var range = DateRange.of(authored, QuestionnaireResponse.SP_AUTHORED, settings.timeZone());
		var patientId = patient == null ? null : Ids.referenced(patient, "patient", "Patient");
		var instruments = questionnaire == null ? Set.<String>of() : instruments(questionnaire);
		if ((patientId != null && patientId.isEmpty()) || (status != null && !References.only(status, STATUS_SYSTEM,
				QuestionnaireResponseStatus.COMPLETED.toCode(), QuestionnaireResponseStatus::fromCode))
				|| (questionnaire != null && instruments.isEmpty())) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var found = screenings.answered(new QuestionnaireCriteria(patientId == null ? null : patientId.get(),
				range.from(), range.before(), List.copyOf(instruments)), page.offset(), page.size());
		var resources = found.items().stream().map(answered -> {
			AuditedCall.concerns(answered.screening().patientId());
			return response(answered).orElseThrow();
		}).toList();
		return Pages.answer(page, resources, found.total());
	}

	/** The instruments the asked canonicals name; one that names none of LOINC's three finds nothing. */
	private static Set<String> instruments(ReferenceOrListParam questionnaire) {
		var names = new HashSet<String>();
		for (var reference : questionnaire.getValuesAsQueryTokens()) {
			if (reference.getChain() != null && !reference.getChain().isEmpty()) {
				throw new InvalidRequestException("questionnaire is searched by its canonical URL, not by chain");
			}
			Instruments.ofQuestionnaire(reference.getValue()).ifPresent(instrument -> names.add(instrument.name()));
		}
		return names;
	}

	/** The response, with each item's answer (its score) and the total last; empty if the screening lacks it. */
	static Optional<QuestionnaireResponse> response(AnsweredQuestionnaire answered) {
		var screening = answered.screening();
		var instrument = Instruments.of(answered.instrument());
		List<Integer> items;
		int total;
		switch (instrument.slug()) {
			case "phq9" -> {
				items = screening.phq9().items();
				total = screening.phq9().total();
			}
			case "gad7" -> {
				if (screening.gad7() == null) {
					return Optional.empty();
				}
				items = screening.gad7().items();
				total = screening.gad7().total();
			}
			default -> {
				if (screening.pcl5() == null) {
					return Optional.empty();
				}
				items = screening.pcl5().items();
				total = screening.pcl5().total();
			}
		}
		var response = new QuestionnaireResponse();
		response.setId(new IdType("QuestionnaireResponse", answered.key()));
		response.setQuestionnaire(instrument.questionnaire());
		response.setStatus(QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + screening.patientId()));
		response.setAuthoredElement(References.dateTime(screening.screenedAt()));
		response.setAuthor(new Reference().setDisplay(screening.screenedBy()));
		for (int i = 0; i < items.size(); i++) {
			response.addItem().setLinkId(instrument.items().get(i)).addAnswer().setValue(new IntegerType(items.get(i)));
		}
		response.addItem()
			.setLinkId(instrument.total())
			.setText(instrument.totalDisplay())
			.addAnswer()
			.setValue(new IntegerType(total));
		return Optional.of(response);
	}

	/** The screening a response's id names, for an Observation's {@code derivedFrom}. */
	static String idOf(String instrument, UUID screeningId) {
		return "QuestionnaireResponse/" + Instruments.of(instrument).slug() + "-" + screeningId;
	}
}
