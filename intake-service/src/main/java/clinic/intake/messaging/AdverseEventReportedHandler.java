package clinic.intake.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.intake.review.AdverseEventGrade;
import clinic.intake.review.ReviewFlagService;
import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;

/** An adverse event reported in a session is recorded for the patient; the configured grades flag them for review. */
@Component
class AdverseEventReportedHandler implements EventHandler<AdverseEventReportedHandler.AdverseEventReported> {

	/** Intake's own reading of clinic.session.adverse-event-reported.v1: only what it needs. */
	record AdverseEventReported(UUID patientId, Instant occurredAt, AdverseEventGrade grade, String description,
			String reportedBy) {
	}

	private final ReviewFlagService flags;

	AdverseEventReportedHandler(ReviewFlagService flags) {
		this.flags = flags;
	}

	@Override
	public String type() {
		return "clinic.session.adverse-event-reported.v1";
	}

	@Override
	public Class<AdverseEventReported> dataType() {
		return AdverseEventReported.class;
	}

	@Override
	public void handle(AdverseEventReported data, InboundEvent event) {
		flags.record(new ReviewFlagService.AdverseEvent(event.id(), data.patientId(), data.grade(), data.description(),
				data.reportedBy(), data.occurredAt()));
	}
}
