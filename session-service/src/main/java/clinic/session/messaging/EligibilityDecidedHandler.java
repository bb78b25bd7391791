package clinic.session.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;

/** A signed eligibility decision sets (CLEARED) or withdraws (DECLINED) the patient's dose plan. */
@Component
class EligibilityDecidedHandler implements EventHandler<EligibilityDecidedHandler.EligibilityDecided> {

	/** Session's own reading of clinic.intake.eligibility-decided.v1: only what it needs. */
	record EligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt, UUID decisionId,
			Outcome outcome, String decidedBy, String patientName, DosePlan dosePlan) {
	}

	enum Outcome {
		CLEARED, DECLINED
	}

	private final DosePlanService dosePlans;

	EligibilityDecidedHandler(DosePlanService dosePlans) {
		this.dosePlans = dosePlans;
	}

	@Override
	public String type() {
		return "clinic.intake.eligibility-decided.v1";
	}

	@Override
	public Class<EligibilityDecided> dataType() {
		return EligibilityDecided.class;
	}

	@Override
	public void handle(EligibilityDecided data, InboundEvent event) {
		dosePlans.decided(new DosePlanService.Decision(data.patientId(), data.patientName(), data.decisionId(),
				data.outcome() == Outcome.CLEARED, data.dosePlan(), data.decidedBy(), data.occurredAt(),
				data.aggregateVersion()));
	}
}
