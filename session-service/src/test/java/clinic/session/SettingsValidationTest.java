package clinic.session;

import static clinic.contracts.test.SettingsBinding.bind;
import static clinic.contracts.test.SettingsBinding.settingsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.validation.annotation.Validated;

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
class SettingsValidationTest {

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

	@Test
	void everySettingsRecordOfSessionIsValidatedAndListedHere() {
		var listed = settings().map(a -> ((Class<?>) a.get()[0]).getName()).toList();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(settingsIn("clinic.session"));
		settings().map(a -> (Class<?>) a.get()[0])
			.forEach(type -> assertThat(type.isAnnotationPresent(Validated.class)).as(type.getName()).isTrue());
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("settings")
	void givenTheApplicationYmlThenEachRecordBinds(Class<?> type, String prefix) {
		assertThat(bind(type, prefix, Map.of(), "application.yml")).isInstanceOf(type);
	}

	@ParameterizedTest(name = "{1}.{2}={3}")
	@MethodSource("refusals")
	void givenOneBadValueOverTheApplicationYmlThenBindingRefusesIt(Class<?> type, String prefix, String property,
			String value, String named, String reason) {
		assertThatThrownBy(() -> bind(type, prefix, Map.of(property, value), "application.yml"))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining(named)
			.hasMessageContaining(reason);
	}
}
