package clinic.intake.screening;

import java.time.Instant;
import java.util.UUID;

import clinic.intake.eligibility.Outcome;
import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

@EventType("clinic.intake.screening-completed.v1")
public record ScreeningCompleted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID screeningId, int phq9Total, Phq9.Band phq9Band, boolean suicideRiskFlag, Outcome proposedOutcome)
		implements ClinicEvent {

	static ScreeningCompleted of(Screening screening, long patientVersion) {
		return new ScreeningCompleted(UUID.randomUUID(), screening.patientId(), patientVersion,
				screening.screenedAt(), screening.id(), screening.phq9().total(), screening.phq9().band(),
				screening.phq9().suicideRiskFlag(), screening.proposal().outcome());
	}
}
