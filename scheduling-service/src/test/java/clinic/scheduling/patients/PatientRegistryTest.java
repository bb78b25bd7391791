package clinic.scheduling.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.platform.test.EventProbe;
import clinic.scheduling.SchedulingIntegrationTest;

/**
 * Whom scheduling knows for consultations: intake's registered and updated patients at intake's version (an older
 * event changes nothing, a repeat neither) and each referral once, also one that comes before its patient's
 * registration. Read from real events on the broker as well as through the registry.
 */
class PatientRegistryTest extends SchedulingIntegrationTest {

	@Autowired
	PatientRegistry registry;

	private static RegisteredPatient ada(UUID id, String family, long version) {
		return new RegisteredPatient(id, "MRN-000042", "Ada", family, LocalDate.of(1985, 12, 10), version,
				Instant.parse("2026-11-20T10:00:00Z"));
	}

	@Test
	void givenANewerIdentityThenItIsKeptAndAnOlderOrRepeatedOneChangesNothing() {
		var id = UUID.randomUUID();

		assertThat(registry.registeredOrUpdated(ada(id, "Byron", 1))).isTrue();
		assertThat(registry.registeredOrUpdated(ada(id, "Lovelace", 3))).isTrue();
		assertThat(registry.registeredOrUpdated(ada(id, "King", 2))).as("late").isFalse();
		assertThat(registry.registeredOrUpdated(ada(id, "Lovelace", 3))).as("repeat").isFalse();

		assertThat(registry.find(id)).get().extracting(RegisteredPatient::fullName).isEqualTo("Ada Lovelace");
		assertThat(registry.find(id)).get().extracting(RegisteredPatient::version).isEqualTo(3L);
	}

	@Test
	void givenAReferralBeforeItsPatientsRegistrationThenBothAreKnownOnceEachHasCome() {
		var id = UUID.randomUUID();
		var referral = new KnownReferral(UUID.randomUUID(), id, "Dr. Aiken", "PTSD", Instant.now());

		assertThat(registry.referred(referral)).isTrue();
		assertThat(registry.referred(referral)).as("repeat").isFalse();
		assertThat(registry.isReferred(id)).isTrue();
		assertThat(registry.find(id)).isEmpty();

		registry.registeredOrUpdated(ada(id, "Lovelace", 1));
		assertThat(registry.find(id)).isPresent();
	}

	@Test
	void givenIntakesEventsOutOfOrderOnTheBrokerThenTheNewestIdentityAndTheReferralAreKept() {
		var id = UUID.randomUUID();
		EventProbe.send("clinic.intake", id, EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.intake.patient-updated.v1", id, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":2,"occurredAt":"2026-11-20T10:05:00Z",
						 "mrn":"MRN-000077","givenName":"Grace","familyName":"Hopper","birthDate":"1966-12-09"}"""
					.formatted(UUID.randomUUID(), id)));
		EventProbe.send("clinic.intake", id, EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.intake.patient-registered.v1", id, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
						 "mrn":"MRN-000077","givenName":"Grace","familyName":"Murray","birthDate":"1966-12-09"}"""
					.formatted(UUID.randomUUID(), id)));
		EventProbe.send("clinic.intake", id, EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.intake.referral-received.v1", id, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
						 "referralId":"%s","referringClinician":"Dr. Aiken","reason":null,
						 "indication":"TREATMENT_RESISTANT_DEPRESSION","attachments":[]}"""
					.formatted(UUID.randomUUID(), id, UUID.randomUUID())));

		EventProbe.awaitConsumed(consumerGroup(), "clinic.intake", PATIENCE);
		await().atMost(PATIENCE).until(() -> registry.isReferred(id));
		assertThat(registry.find(id)).get().extracting(RegisteredPatient::fullName).isEqualTo("Grace Hopper");
	}
}
