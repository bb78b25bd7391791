package clinic.contracts.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** The validator the FHIR tests rely on finds what breaks the base R4 definitions: not a check that passes all. */
class FhirValidationTest {

	@Test
	void givenAServiceRequestWithoutItsRequiredStatusAndIntentThenValidationFails() {
		var referral = new ServiceRequest().setSubject(new Reference("Patient/123"));
		referral.setId("123");

		assertThatThrownBy(() -> FhirValidation.valid(referral)).hasMessageContaining("ServiceRequest.status")
			.hasMessageContaining("ServiceRequest.intent");
	}

	@Test
	void givenAnAppointmentWithoutItsRequiredStatusAndParticipantsThenValidationFails() {
		var appointment = new Appointment();
		appointment.setId("123");

		assertThatThrownBy(() -> FhirValidation.valid(appointment)).hasMessageContaining("Appointment.status")
			.hasMessageContaining("Appointment.participant");
	}
}
