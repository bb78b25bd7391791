package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.booking.CoursePausing;

/** An adverse event that session-service says pauses the course pauses the patient's current course. */
@Component
class AdverseEventReportedHandler implements EventHandler<AdverseEventReportedHandler.AdverseEventReported> {

	/** Scheduling's own reading of clinic.session.adverse-event-reported.v1: only what it needs. */
	record AdverseEventReported(UUID patientId, String grade, UUID adverseEventId, Instant occurredAt,
			long aggregateVersion, boolean pausesCourse, String reportedBy, String description) {
	}

	private final CoursePausing pausing;

	AdverseEventReportedHandler(CoursePausing pausing) {
		this.pausing = pausing;
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
		pausing.adverseEventReported(new CoursePausing.AdverseEvent(data.patientId(), data.grade(),
				data.adverseEventId(), data.occurredAt(), data.pausesCourse(), data.reportedBy(), data.description()));
	}
}
