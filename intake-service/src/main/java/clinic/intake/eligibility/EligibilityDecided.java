package clinic.intake.eligibility;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/** {@code supersedesDecisionId}: the decision this one replaces, null for the patient's first decision. */
@EventType("clinic.intake.eligibility-decided.v1")
public record EligibilityDecided(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID decisionId, UUID screeningId, Outcome outcome, String decidedBy, String reason, String patientName,
		DosePlan dosePlan, UUID supersedesDecisionId) implements ClinicEvent {

	static EligibilityDecided of(EligibilityDecision decision, String patientName, long patientVersion) {
		return new EligibilityDecided(UUID.randomUUID(), decision.patientId(), patientVersion, decision.decidedAt(),
				decision.id(), decision.screeningId(), decision.outcome(), decision.decidedBy(), decision.reason(),
				patientName, decision.dosePlan(), decision.supersedesId());
	}
}
