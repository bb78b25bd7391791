package clinic.gateway;

import static clinic.contracts.test.SettingsBinding.bind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import clinic.contracts.test.SettingsContract;
import clinic.gateway.clients.ClientAdminSettings;
import clinic.gateway.fhir.FhirSettings;
import clinic.gateway.fhir.SmartSettings;

/**
 * Every settings record of the gateway is {@code @Validated}: its own application.yml binds to each, and a value that
 * would break the gateway, set over it, is refused at binding (when the gateway starts), the error naming the property
 * and the reason, as the log shows an administrator.
 */
class SettingsValidationTest extends SettingsContract {

	@Override
	protected String rootPackage() {
		return "clinic.gateway";
	}

	/** Each settings record and its prefix. */
	static Stream<Arguments> settings() {
		return Stream.of(arguments(FhirSettings.class, "clinic.gateway.fhir"),
				arguments(SmartSettings.class, "clinic.gateway.smart"),
				arguments(ClientAdminSettings.class, "clinic.gateway.clients"));
	}

	/** A bad value of each record (at least one), what names it in the error, and the reason given. */
	static Stream<Arguments> refusals() {
		return Stream.of(
				arguments(FhirSettings.class, "clinic.gateway.fhir", "services", "", "clinic.gateway.fhir.services",
						"must not be empty"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "shared-types.Observation", "",
						"sharedTypes[Observation]", "name at least one owner"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "shared-types.Obsrvation", "intake",
						"clinic.gateway.fhir.shared-types", "each key must be a FHIR R4 resource type"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "page-size", "0", "clinic.gateway.fhir.page-size",
						"must be greater than or equal to 1"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "max-page-size", "10",
						"clinic.gateway.fhir.max-page-size", "must be at least page-size"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "max-offset", "-1",
						"clinic.gateway.fhir.max-offset", "must be greater than or equal to 0"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "metadata-timeout", "0s", "metadata-timeout",
						"must be positive"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "owner-timeout", "-10s", "owner-timeout",
						"must be positive"),
				arguments(FhirSettings.class, "clinic.gateway.fhir", "metadata-cache", "-1s", "metadata-cache",
						"must not be negative"),
				arguments(SmartSettings.class, "clinic.gateway.smart", "token-endpoint", "/realms/clinic/token",
						"clinic.gateway.smart.token-endpoint", "give an absolute URL"),
				arguments(ClientAdminSettings.class, "clinic.gateway.clients", "admin-client-secret", "",
						"clinic.gateway.clients.admin-client-secret", "must not be blank"));
	}

	@Test
	void givenASharedTypeCasedAsAnEnvironmentVariableCasesItThenItIsFhirsName() {
		var settings = bind(FhirSettings.class, "clinic.gateway.fhir", Map.of("shared-types.patient", "intake"),
				"application.yml");

		assertThat(settings.sharedTypes()).containsEntry("Patient", List.of("intake"));
	}

	/** The gateway's class path has a Bean Validation provider: without one Boot would bind unchecked, silently. */
	@Test
	void givenABadValueWhenAnApplicationStartsThenItFailsAsTheBindingTestsSay() {
		new ApplicationContextRunner().withUserConfiguration(SmartSettingsAlone.class)
			.withPropertyValues("clinic.gateway.smart.token-endpoint=/realms/clinic/token")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clinic.gateway.smart.token-endpoint: give an absolute URL"));
	}

	@EnableConfigurationProperties(SmartSettings.class)
	static class SmartSettingsAlone {
	}
}
