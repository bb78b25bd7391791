package clinic.scheduling;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import clinic.contracts.test.SettingsContract;
import clinic.scheduling.fhir.FhirSettings;
import clinic.scheduling.hl7.Hl7OutboundSettings;

/**
 * Every settings record of scheduling is {@code @Validated}: the service's own application.yml binds to each, and a
 * value that would break the clinic, set over it, is refused at binding (when the service starts), the error naming
 * the property and the reason, as the log shows an administrator.
 */
class SettingsValidationTest extends SettingsContract {

	@Override
	protected String rootPackage() {
		return "clinic.scheduling";
	}

	/** Each settings record and its prefix. */
	static Stream<Arguments> settings() {
		return Stream.of(arguments(SchedulingSettings.class, "clinic.scheduling"),
				arguments(Hl7OutboundSettings.class, "clinic.scheduling.hl7.outbound"),
				arguments(FhirSettings.class, "clinic.scheduling.fhir"));
	}

	/** A bad value of each record (at least one), what names it in the error, and the reason given. */
	static Stream<Arguments> refusals() {
		return Stream.of(
				arguments(SchedulingSettings.class, "clinic.scheduling", "induction-infusions", "0",
						"clinic.scheduling.induction-infusions", "must be greater than or equal to 1"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "chair-time.recovery", "-10m",
						"clinic.scheduling.chair-time", "must not be negative"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "slot-grid", "0s",
						"clinic.scheduling.slot-grid", "must be at least 1s"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "planning-horizon", "0d", "planning-horizon",
						"positive"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "opening-hours.closes", "07:00",
						"clinic.scheduling.opening-hours.opens", "must be before closes"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "opening-hours.days", "", "openingHours.days",
						"must not be empty"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "course.infusions-per-week.min", "4",
						"course.infusionsPerWeek", "min must not exceed max"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "waitlist.offers-per-slot", "0",
						"waitlist.offersPerSlot", "must be greater than or equal to 1"),
				arguments(SchedulingSettings.class, "clinic.scheduling", "no-show.sweep-interval", "0s",
						"sweep-interval", "must be positive"),
				arguments(Hl7OutboundSettings.class, "clinic.scheduling.hl7.outbound", "host", "ehr.example",
						"clinic.scheduling.hl7.outbound.port", "is needed when a host is set"),
				arguments(Hl7OutboundSettings.class, "clinic.scheduling.hl7.outbound", "max-attempts", "0",
						"clinic.scheduling.hl7.outbound.max-attempts", "must be greater than or equal to 1"),
				arguments(Hl7OutboundSettings.class, "clinic.scheduling.hl7.outbound", "first-retry", "1h",
						"first-retry", "at most max-retry"),
				arguments(FhirSettings.class, "clinic.scheduling.fhir", "page-size", "0",
						"clinic.scheduling.fhir.page-size", "must be greater than or equal to 1"),
				arguments(FhirSettings.class, "clinic.scheduling.fhir", "max-page-size", "10",
						"clinic.scheduling.fhir.max-page-size", "must be at least page-size"),
				arguments(FhirSettings.class, "clinic.scheduling.fhir", "hold-ttl", "0s", "hold-ttl",
						"must be at least 1s"),
				arguments(FhirSettings.class, "clinic.scheduling.fhir", "proposal-ttl", "1m", "proposal-ttl",
						"at least hold-ttl"));
	}
}
