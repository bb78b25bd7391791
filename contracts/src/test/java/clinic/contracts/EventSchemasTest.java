package clinic.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EventSchemasTest {

	private static final String REGISTERED = """
			{"eventId":"7d8f1f6e-6a44-4a4f-9d3c-2f8f3e1b9a10","patientId":"0b5f5a7e-2b51-4e1e-8d6b-3c7c9d0e4f21",
			 "aggregateVersion":1,"occurredAt":"2026-11-22T09:00:00Z","mrn":"MRN-000001",
			 "givenName":"Ada","familyName":"Lovelace","birthDate":"1985-12-10"}""";

	@Test
	void givenConformingDataWhenValidatedThenNoViolations() {
		assertThat(EventSchemas.violations("clinic.intake.patient-registered.v1", bytes(REGISTERED))).isEmpty();
	}

	@Test
	void givenMissingFieldAndBadFormatWhenValidatedThenBothAreNamed() {
		var broken = REGISTERED.replace("\"mrn\":\"MRN-000001\",", "").replace("1985-12-10", "10/12/1985");
		var violations = EventSchemas.violations("clinic.intake.patient-registered.v1", bytes(broken));
		assertThat(String.join("\n", violations)).contains("mrn").contains("birthDate");
	}

	@Test
	void givenNotJsonWhenValidatedThenRefused() {
		assertThatThrownBy(() -> EventSchemas.requireValid("clinic.intake.patient-registered.v1", bytes("{oops")))
			.isInstanceOf(EventContractViolation.class);
	}

	@Test
	void typeNamesTheTopicAndTheSchemaFile() {
		assertThat(EventSchemas.topicOf("clinic.session.session-completed.v1")).isEqualTo("clinic.session");
		assertThat(EventSchemas.isKnown("clinic.session.session-completed.v1")).isTrue();
		assertThat(EventSchemas.isKnown("clinic.session.no-such-event.v1")).isFalse();
		assertThatThrownBy(() -> EventSchemas.topicOf("PatientRegistered")).isInstanceOf(EventContractViolation.class);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
