package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.PatientRegistry;

/** A referral intake received: the patient may be booked a consultation. */
@Component
class ReferralReceivedHandler implements EventHandler<ReferralReceivedHandler.ReferralReceived> {

	/** Scheduling's own reading of clinic.intake.referral-received.v1: only what it needs. */
	record ReferralReceived(UUID patientId, Instant occurredAt, UUID referralId, String referringClinician,
			String indication) {
	}

	private final PatientRegistry patients;

	ReferralReceivedHandler(PatientRegistry patients) {
		this.patients = patients;
	}

	@Override
	public String type() {
		return "clinic.intake.referral-received.v1";
	}

	@Override
	public Class<ReferralReceived> dataType() {
		return ReferralReceived.class;
	}

	@Override
	public void handle(ReferralReceived data, InboundEvent event) {
		patients.referred(new KnownReferral(data.referralId(), data.patientId(), data.referringClinician(),
				data.indication(), data.occurredAt()));
	}
}
