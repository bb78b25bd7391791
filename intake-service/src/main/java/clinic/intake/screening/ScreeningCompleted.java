package clinic.intake.screening;

import java.time.Instant;
import java.util.UUID;

import clinic.instruments.Gad7;
import clinic.instruments.Phq9;
import clinic.intake.eligibility.Outcome;
import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/** GAD-7, PCL-5 and C-SSRS fields are null when the instrument was not given (optional in the schema). */
@EventType("clinic.intake.screening-completed.v1")
public record ScreeningCompleted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID screeningId, int phq9Total, Phq9.Band phq9Band, boolean suicideRiskFlag, Outcome proposedOutcome,
		boolean urgent, Integer gad7Total, Gad7.Band gad7Band, Integer pcl5Total, Boolean probablePtsd,
		Boolean cssrsHighRisk) implements ClinicEvent {

	static ScreeningCompleted of(Screening screening, long patientVersion) {
		var gad7 = screening.gad7();
		var pcl5 = screening.pcl5();
		var cssrs = screening.cssrs();
		return new ScreeningCompleted(UUID.randomUUID(), screening.patientId(), patientVersion,
				screening.screenedAt(), screening.id(), screening.phq9().total(), screening.phq9().band(),
				screening.phq9().suicideRiskFlag(), screening.proposal().outcome(), screening.urgent(),
				gad7 == null ? null : gad7.total(), gad7 == null ? null : gad7.band(),
				pcl5 == null ? null : pcl5.total(), pcl5 == null ? null : pcl5.probablePtsd(),
				cssrs == null ? null : cssrs.highRisk());
	}
}
