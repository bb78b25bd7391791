package clinic.intake.fhir;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import clinic.intake.patients.PatientCriteria;
import clinic.intake.patients.PatientSearch;
import clinic.intake.patients.PatientService;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;
import clinic.platform.input.PlainText;
import clinic.platform.security.CurrentUser;

/**
 * FHIR Patient: read, search by the clinic's MRN or another system's identifier ({@code identifier}), name parts and
 * birth date, and create, which registers the patient with the referral that brings them, under the duplicate rule of
 * the REST API.
 */
@Component
class PatientResources implements IResourceProvider {

	/**
	 * A client that saw the likely duplicates a create was refused for (409) and confirms that this is another person
	 * resends the create with this header, {@code true}: the REST API's {@code confirmedNotDuplicate}.
	 */
	static final String CONFIRMED_NOT_DUPLICATE = "Clinic-Confirmed-Not-Duplicate";

	/** As long as a name may be (the REST API's registration allows 100 characters). */
	private static final int MAX_NAME_LENGTH = 100;

	private final PatientService patients;

	private final FhirMapping mapping;

	private final FhirSettings settings;

	PatientResources(PatientService patients, FhirMapping mapping, FhirSettings settings) {
		this.patients = patients;
		this.mapping = mapping;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Patient.class;
	}

	@Read
	public Patient read(@IdParam IdType id) {
		var patient = patients.get(Ids.uuid(id, "Patient"));
		AuditedCall.concerns(patient.id());
		return resource(patient);
	}

	private Patient resource(clinic.intake.patients.Patient patient) {
		return mapping.patient(patient, patients.identity(patient.id()));
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = Patient.SP_IDENTIFIER) @Nullable TokenParam identifier,
			@OptionalParam(name = Patient.SP_NAME) @Nullable StringParam name,
			@OptionalParam(name = Patient.SP_FAMILY) @Nullable StringParam family,
			@OptionalParam(name = Patient.SP_GIVEN) @Nullable StringParam given,
			@OptionalParam(name = Patient.SP_BIRTHDATE) @Nullable DateParam birthdate,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		String mrn = null;
		String otherSystem = null;
		String otherValue = null;
		if (identifier != null) {
			if (identifier.getValue() == null || identifier.getValue().isBlank()) {
				throw new InvalidRequestException("identifier needs a value (system|value)");
			}
			var system = identifier.getSystem();
			if (system == null || system.isEmpty()) { // any system: the clinic's MRN or another's identifier
				mrn = PatientSearch.parse(identifier.getValue()).mrn();
				otherValue = identifier.getValue().strip();
			}
			else if (system.equals(settings.mrnSystem())) {
				mrn = PatientSearch.parse(identifier.getValue()).mrn();
				if (mrn == null) {
					return Pages.answer(page, List.of(), 0); // no MRN of the clinic
				}
			}
			else {
				otherSystem = system;
				otherValue = identifier.getValue().strip();
			}
		}
		var born = birthdate == null ? null : BirthDates.of(birthdate);
		var criteria = new PatientCriteria(mrn, otherSystem, otherValue, text(name), text(family), text(given),
				born == null ? null : born.from(), born == null ? null : born.to());
		var found = patients.find(criteria, page.offset(), page.size());
		found.items().forEach(patient -> AuditedCall.concerns(patient.id()));
		return Pages.answer(page, found.items().stream().map(this::resource).toList(), found.total());
	}

	/**
	 * Registers the patient with the referral that brings them: a patient is never registered without one, so the
	 * Patient contains the ServiceRequest (its subject {@code #}, the Patient itself). The MRN is the clinic's to
	 * assign: an identifier of the clinic's MRN system is refused; other systems' identifiers (system and value) are
	 * kept, and one another patient holds is refused (409 naming the holder).
	 */
	@Create
	public MethodOutcome create(@ResourceParam Patient resource, RequestDetails request) {
		AuditedCall.willAnswer(201);
		var name = resource.getNameFirstRep();
		var given = name.getGiven().isEmpty() ? null : name.getGivenAsSingleString();
		var referral = containedReferral(resource);
		var indication = referral.getReasonCode()
			.stream()
			.map(mapping::indicationOf)
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new UnprocessableEntityException("The contained ServiceRequest's reasonCode must name "
					+ "the indication in " + settings.indicationSystem()));
		var registration = new PatientService.Registration(required(given, "Patient.name.given"),
				required(name.getFamily(), "Patient.name.family"), birthDate(resource), phone(resource),
				required(referral.getRequester().getDisplay(), "ServiceRequest.requester.display"),
				referral.getNoteFirstRep().getText(), indication, "true".equalsIgnoreCase(
						request.getHeader(CONFIRMED_NOT_DUPLICATE)));
		Checks.registration(registration);
		var identifiers = identifiers(resource);
		var patient = patients.register(registration, identifiers, CurrentUser.name());
		return new MethodOutcome(new IdType("Patient", patient.id().toString()), true).setResource(resource(patient));
	}

	/** Longest identifier system (a URI) and value taken. */
	private static final int MAX_SYSTEM_LENGTH = 255;

	private static final int MAX_VALUE_LENGTH = 100;

	private List<PatientService.NewIdentifier> identifiers(Patient resource) {
		var identifiers = new ArrayList<PatientService.NewIdentifier>();
		for (int i = 0; i < resource.getIdentifier().size(); i++) {
			var identifier = resource.getIdentifier().get(i);
			var path = "Patient.identifier[" + i + "]";
			var system = required(identifier.getSystem(), path + ".system");
			if (system.equals(settings.mrnSystem())) {
				throw new UnprocessableEntityException(path + ": the clinic's MRN (" + system + ") is assigned by "
						+ "intake, not sent; send other systems' identifiers only");
			}
			var value = required(identifier.getValue(), path + ".value");
			plain(system, path + ".system", MAX_SYSTEM_LENGTH);
			plain(value, path + ".value", MAX_VALUE_LENGTH);
			var assigner = identifier.getAssigner().getDisplay();
			if (assigner != null) {
				plain(assigner, path + ".assigner.display", MAX_NAME_LENGTH);
			}
			identifiers.add(new PatientService.NewIdentifier(system.strip(), value.strip(),
					assigner == null || assigner.isBlank() ? null : assigner.strip()));
		}
		return identifiers;
	}

	private static void plain(String value, String path, int max) {
		if (value.length() > max) {
			throw new UnprocessableEntityException(path + " is at most " + max + " characters");
		}
		PlainText.problem(value).ifPresent(problem -> {
			throw new UnprocessableEntityException(path + ": " + problem);
		});
	}

	private ServiceRequest containedReferral(Patient resource) {
		return resource.getContained()
			.stream()
			.filter(ServiceRequest.class::isInstance)
			.map(ServiceRequest.class::cast)
			.findFirst()
			.orElseThrow(() -> new UnprocessableEntityException("A patient is registered with the referral that "
					+ "brings them: contain the ServiceRequest in the Patient (its subject \"#\")"));
	}

	private static @Nullable String text(@Nullable StringParam param) {
		if (param == null) {
			return null;
		}
		if (param.isExact() || param.isContains()) {
			throw new InvalidRequestException("Name searches match the start of a name; :exact and :contains are not "
					+ "supported");
		}
		var value = param.getValue();
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException("A name search needs a value");
		}
		// as the REST API's PlainText: no control characters (a NUL would fail in the database, not here)
		if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException("A name search is plain text of at most " + MAX_NAME_LENGTH
					+ " characters");
		}
		return value.strip();
	}

	private static LocalDate birthDate(Patient resource) {
		var element = resource.getBirthDateElement();
		if (element.isEmpty() || element.getPrecision() != TemporalPrecisionEnum.DAY) {
			throw new UnprocessableEntityException("Patient.birthDate must be a whole date (YYYY-MM-DD)");
		}
		return LocalDate.parse(element.getValueAsString());
	}

	private static @Nullable String phone(Patient resource) {
		return resource.getTelecom()
			.stream()
			.filter(point -> point.getSystem() == ContactPoint.ContactPointSystem.PHONE)
			.map(ContactPoint::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String required(@Nullable String value, String path) {
		if (value == null || value.isBlank()) {
			throw new UnprocessableEntityException(path + " is required");
		}
		return value;
	}

	/** A birth date asked for as FHIR writes it: a day, month or year, with a prefix (eq, ge, gt, le, lt). */
	record BirthDates(@Nullable LocalDate from, @Nullable LocalDate to) {

		static BirthDates of(DateParam param) {
			var text = param.getValueAsString();
			LocalDate first;
			LocalDate last;
			try {
				switch (param.getPrecision()) {
					case YEAR -> {
						first = LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1);
						last = first.withDayOfYear(first.lengthOfYear());
					}
					case MONTH -> {
						var month = YearMonth.parse(text.substring(0, 7));
						first = month.atDay(1);
						last = month.atEndOfMonth();
					}
					case DAY -> {
						first = LocalDate.parse(text.substring(0, 10));
						last = first;
					}
					default -> throw new InvalidRequestException("birthdate is a date: YYYY, YYYY-MM or YYYY-MM-DD");
				}
			}
			catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
				throw new InvalidRequestException("birthdate is a date: YYYY, YYYY-MM or YYYY-MM-DD");
			}
			var prefix = param.getPrefix() == null ? ParamPrefixEnum.EQUAL : param.getPrefix();
			return switch (prefix) {
				case EQUAL -> new BirthDates(first, last);
				case GREATERTHAN_OR_EQUALS -> new BirthDates(first, null);
				case GREATERTHAN, STARTS_AFTER -> new BirthDates(last.plusDays(1), null);
				case LESSTHAN_OR_EQUALS -> new BirthDates(null, last);
				case LESSTHAN, ENDS_BEFORE -> new BirthDates(null, first.minusDays(1));
				default -> throw new InvalidRequestException("birthdate supports the prefixes eq, ge, gt, le, lt");
			};
		}
	}
}
