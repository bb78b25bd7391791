package clinic.intake;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import clinic.contracts.test.SettingsContract;
import clinic.intake.eligibility.DoseSettings;
import clinic.intake.fhir.FhirSettings;
import clinic.intake.hl7.Hl7Settings;
import clinic.intake.outcomes.OutcomeSettings;
import clinic.intake.patients.DuplicateSettings;
import clinic.intake.reminders.ReminderSettings;
import clinic.intake.review.ReviewFlagSettings;
import clinic.intake.screening.ScreeningSettings;

/**
 * Every settings record of intake is {@code @Validated}: the service's own application.yml binds to each, and a value
 * that would break the clinic, set over it, is refused at binding (when the service starts), the error naming the
 * property and the reason, as the log shows an administrator.
 */
class SettingsValidationTest extends SettingsContract {

	@Override
	protected String rootPackage() {
		return "clinic.intake";
	}

	/** Each settings record and its prefix. */
	static Stream<Arguments> settings() {
		return Stream.of(arguments(DoseSettings.class, "clinic.intake.dose"),
				arguments(DuplicateSettings.class, "clinic.intake.duplicates"),
				arguments(ReminderSettings.class, "clinic.intake.reminders"),
				arguments(ScreeningSettings.class, "clinic.intake.screening"),
				arguments(ReviewFlagSettings.class, "clinic.intake.review"),
				arguments(FhirSettings.class, "clinic.intake.fhir"),
				arguments(OutcomeSettings.class, "clinic.intake.outcomes"),
				arguments(Hl7Settings.class, "clinic.intake.hl7"));
	}

	/** A bad value of each record (at least one), what names it in the error, and the reason given. */
	static Stream<Arguments> refusals() {
		return Stream.of(
				arguments(DoseSettings.class, "clinic.intake.dose", "min-mg-per-kg", "0",
						"clinic.intake.dose.min-mg-per-kg", "must be greater than 0"),
				arguments(DoseSettings.class, "clinic.intake.dose", "default-mg-per-kg", "1.5",
						"default-mg-per-kg <= max-mg-per-kg", "clinic.intake.dose needs"),
				arguments(DoseSettings.class, "clinic.intake.dose", "max-mg-per-kg", "0.05",
						"default-mg-per-kg <= max-mg-per-kg", "clinic.intake.dose needs"),
				arguments(DuplicateSettings.class, "clinic.intake.duplicates", "name-similarity", "0",
						"clinic.intake.duplicates.name-similarity", "must be greater than 0"),
				arguments(DuplicateSettings.class, "clinic.intake.duplicates", "name-similarity", "1.1",
						"clinic.intake.duplicates.name-similarity", "must be less than or equal to 1"),
				arguments(ReminderSettings.class, "clinic.intake.reminders", "lead-time", "-1h", "lead-time",
						"must not be negative"),
				arguments(ReminderSettings.class, "clinic.intake.reminders", "batch-size", "0",
						"clinic.intake.reminders.batch-size", "must be greater than or equal to 1"),
				arguments(ReminderSettings.class, "clinic.intake.reminders", "max-attempts", "0",
						"clinic.intake.reminders.max-attempts", "must be greater than or equal to 1"),
				arguments(ReminderSettings.class, "clinic.intake.reminders", "claim-timeout", "0s", "claim-timeout",
						"must be positive"),
				arguments(ReminderSettings.class, "clinic.intake.reminders", "poll-interval", "0s", "poll-interval",
						"must be positive"),
				arguments(ScreeningSettings.class, "clinic.intake.screening", "pcl5-probable-ptsd-from", "81",
						"clinic.intake.screening.pcl5-probable-ptsd-from", "must be less than or equal to 80"),
				arguments(ReviewFlagSettings.class, "clinic.intake.review", "flag-grades", "SEVERE",
						"clinic.intake.review.flag-grades", "must include SERIOUS"),
				arguments(FhirSettings.class, "clinic.intake.fhir", "page-size", "0", "clinic.intake.fhir.page-size",
						"must be greater than or equal to 1"),
				arguments(FhirSettings.class, "clinic.intake.fhir", "max-page-size", "10",
						"clinic.intake.fhir.max-page-size", "must be at least page-size"),
				arguments(FhirSettings.class, "clinic.intake.fhir", "mrn-system", " ", "clinic.intake.fhir.mrn-system",
						"must not be blank"),
				arguments(OutcomeSettings.class, "clinic.intake.outcomes", "phq9-remission-below", "28",
						"clinic.intake.outcomes.phq9-remission-below", "must be less than or equal to 27"),
				arguments(OutcomeSettings.class, "clinic.intake.outcomes", "phq9-remission-below", "0",
						"clinic.intake.outcomes.phq9-remission-below", "must be greater than or equal to 1"),
				arguments(OutcomeSettings.class, "clinic.intake.outcomes", "futility-after-infusions", "0",
						"clinic.intake.outcomes.futility-after-infusions", "must be greater than or equal to 1"),
				arguments(Hl7Settings.class, "clinic.intake.hl7", "port", "65536", "clinic.intake.hl7.port",
						"must be less than or equal to 65535"),
				arguments(Hl7Settings.class, "clinic.intake.hl7", "port", "-1", "clinic.intake.hl7.port",
						"must be greater than or equal to 0"));
	}
}
