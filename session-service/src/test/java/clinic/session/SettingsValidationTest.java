package clinic.session;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import clinic.contracts.test.SettingsContract;
import clinic.session.discharge.DischargeSettings;
import clinic.session.dosing.DosingSettings;
import clinic.session.fhir.FhirSettings;
import clinic.session.monitoring.MonitoringSettings;
import clinic.session.path.PathSettings;
import clinic.session.records.AdverseEventSettings;

/**
 * Every settings record of session is {@code @Validated}: the service's own application.yml binds to each, and a value
 * that would break the clinic, set over it, is refused at binding (when the service starts), the error naming the
 * property and the reason, as the log shows an administrator.
 */
class SettingsValidationTest extends SettingsContract {

	@Override
	protected String rootPackage() {
		return "clinic.session";
	}

	/** Each settings record and its prefix. */
	static Stream<Arguments> settings() {
		return Stream.of(arguments(AdverseEventSettings.class, "clinic.session.adverse-events"),
				arguments(MonitoringSettings.class, "clinic.session.monitoring"),
				arguments(DosingSettings.class, "clinic.session.dosing"),
				arguments(FhirSettings.class, "clinic.session.fhir"),
				arguments(PathSettings.class, "clinic.session.path"),
				arguments(DischargeSettings.class, "clinic.session.discharge"));
	}

	/** A bad value of each record (at least one), what names it in the error, and the reason given. */
	static Stream<Arguments> refusals() {
		return Stream.of(
				arguments(AdverseEventSettings.class, "clinic.session.adverse-events", "pause-course-on", "SEVERE",
						"clinic.session.adverse-events.pause-course-on", "must include SERIOUS"),
				arguments(AdverseEventSettings.class, "clinic.session.adverse-events", "pause-course-on", "",
						"clinic.session.adverse-events.pause-course-on", "must include SERIOUS"),
				arguments(MonitoringSettings.class, "clinic.session.monitoring", "infusion-interval", "0s",
						"clinic.session.monitoring.infusion-interval", "must be positive"),
				arguments(MonitoringSettings.class, "clinic.session.monitoring", "recovery-interval", "-15m",
						"recovery-interval", "must be positive"),
				arguments(MonitoringSettings.class, "clinic.session.monitoring", "systolic-above", "0",
						"clinic.session.monitoring.systolic-above", "must be greater than 0"),
				arguments(MonitoringSettings.class, "clinic.session.monitoring", "spo2-below", "101",
						"clinic.session.monitoring.spo2-below", "must be less than or equal to 100"),
				arguments(DosingSettings.class, "clinic.session.dosing", "plan-deviation-percent", "-1",
						"clinic.session.dosing.plan-deviation-percent", "must be greater than or equal to 0"),
				arguments(DosingSettings.class, "clinic.session.dosing", "iv-infusion.shortest", "0s",
						"clinic.session.dosing.iv-infusion", "needs 0 < shortest <= longest"),
				arguments(DosingSettings.class, "clinic.session.dosing", "iv-infusion.longest", "30m",
						"clinic.session.dosing.iv-infusion", "needs 0 < shortest <= longest"),
				arguments(DosingSettings.class, "clinic.session.dosing", "pre-dose-systolic-above", "0",
						"clinic.session.dosing.pre-dose-systolic-above", "must be greater than 0"),
				arguments(FhirSettings.class, "clinic.session.fhir", "code-system", "",
						"clinic.session.fhir.code-system", "must name the clinic's code system"),
				arguments(FhirSettings.class, "clinic.session.fhir", "page-size", "0", "clinic.session.fhir.page-size",
						"must be greater than or equal to 1"),
				arguments(FhirSettings.class, "clinic.session.fhir", "max-page-size", "10",
						"clinic.session.fhir.max-page-size", "must be at least page-size"),
				arguments(PathSettings.class, "clinic.session.path", "minimum-dose-interval", "-1h",
						"minimum-dose-interval", "of at least 0"),
				arguments(PathSettings.class, "clinic.session.path", "record-opens-before-start", "-1m",
						"record-opens-before-start", "of at least 0"),
				arguments(DischargeSettings.class, "clinic.session.discharge", "post-infusion-observation", "-1m",
						"post-infusion-observation", "must be at least 0"),
				arguments(DischargeSettings.class, "clinic.session.discharge", "minimum-observation.INTRANASAL", "-2h",
						"minimum-observation", "must be at least 0"));
	}
}
