package clinic.intake.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.outcomes.OutcomeTracking;
import clinic.intake.review.AdverseEventGrade;
import clinic.intake.review.ReviewFlagService;
import clinic.platform.inbox.EventHandler;

/** What intake hears from session-service. Each record is intake's own reading of the event: only what it needs. */
@Configuration(proxyBeanMethods = false)
class SessionEvents {

	/** clinic.session.adverse-event-reported.v1 */
	record AdverseEventReported(UUID patientId, Instant occurredAt, AdverseEventGrade grade, String description,
			String reportedBy) {
	}

	/** clinic.session.session-completed.v1 */
	record SessionCompleted(UUID patientId, UUID sessionId, Instant occurredAt, @Nullable Integer phq9Total) {
	}

	/** An adverse event reported in a session is recorded for the patient; the configured grades flag them for review. */
	@Bean
	EventHandler<AdverseEventReported> adverseEventReported(ReviewFlagService flags) {
		return EventHandler.on("clinic.session.adverse-event-reported.v1", AdverseEventReported.class,
				(data, event) -> flags.record(new ReviewFlagService.AdverseEvent(event.id(), data.patientId(),
						data.grade(), data.description(), data.reportedBy(), data.occurredAt())));
	}

	/** A completed session with a PHQ-9 before dosing adds a point to the patient's outcome series. */
	@Bean
	EventHandler<SessionCompleted> sessionCompleted(OutcomeTracking outcomes) {
		return EventHandler.on("clinic.session.session-completed.v1", SessionCompleted.class, data -> {
			if (data.phq9Total() != null) {
				outcomes.record(data.patientId(), OutcomeScores.PHQ9, data.phq9Total(), OutcomeScores.Source.SESSION,
						data.sessionId(), data.occurredAt());
			}
		});
	}
}
