package clinic.intake.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.outcomes.OutcomeTracking;
import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;

/** A completed session with a PHQ-9 before dosing adds a point to the patient's outcome series. */
@Component
class SessionCompletedHandler implements EventHandler<SessionCompletedHandler.SessionCompleted> {

	/** Intake's own reading of clinic.session.session-completed.v1: only what it needs. */
	record SessionCompleted(UUID patientId, UUID sessionId, Instant occurredAt, Integer phq9Total) {
	}

	private final OutcomeTracking outcomes;

	SessionCompletedHandler(OutcomeTracking outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public String type() {
		return "clinic.session.session-completed.v1";
	}

	@Override
	public Class<SessionCompleted> dataType() {
		return SessionCompleted.class;
	}

	@Override
	public void handle(SessionCompleted data, InboundEvent event) {
		if (data.phq9Total() != null) {
			outcomes.record(data.patientId(), OutcomeScores.PHQ9, data.phq9Total(), OutcomeScores.Source.SESSION,
					data.sessionId(), data.occurredAt());
		}
	}
}
