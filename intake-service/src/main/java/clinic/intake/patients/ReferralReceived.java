package clinic.intake.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

@EventType("clinic.intake.referral-received.v1")
public record ReferralReceived(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID referralId, String referringClinician, String reason, Indication indication,
		List<Referral.Attachment> attachments) implements ClinicEvent {

	static ReferralReceived of(Referral referral, long patientVersion) {
		return new ReferralReceived(UUID.randomUUID(), referral.patientId(), patientVersion, referral.receivedAt(),
				referral.id(), referral.referringClinician(), referral.reason(), referral.indication(),
				referral.attachments());
	}
}
