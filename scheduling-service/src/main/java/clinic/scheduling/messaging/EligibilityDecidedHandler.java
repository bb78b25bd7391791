package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;

/**
 * A cleared patient gets an induction course to plan; a decline newer than what is known closes the patient's
 * unfinished courses and cancels their future appointments.
 */
@Component
class EligibilityDecidedHandler implements EventHandler<EligibilityDecidedHandler.EligibilityDecided> {

	/** Scheduling's own reading of clinic.intake.eligibility-decided.v1: only what it needs. */
	record EligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt, Eligibility outcome,
			String patientName, UUID decisionId, String decidedBy, @Nullable String reason) {
	}

	private final CourseService courses;

	EligibilityDecidedHandler(CourseService courses) {
		this.courses = courses;
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
		courses.decided(new CourseService.Decision(data.patientId(), data.patientName(), data.outcome(),
				data.aggregateVersion(), data.occurredAt(), data.decisionId(), data.decidedBy(), data.reason()));
	}
}
