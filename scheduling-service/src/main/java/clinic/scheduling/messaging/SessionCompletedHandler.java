package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.booking.AppointmentLifecycle;

/**
 * A completed session fulfils its appointment, and the course counts one more infusion given, when the dose was given
 * on the appointment's day.
 */
@Component
class SessionCompletedHandler implements EventHandler<SessionCompletedHandler.SessionCompleted> {

	/** Scheduling's own reading of clinic.session.session-completed.v1: only what it needs. */
	record SessionCompleted(UUID patientId, UUID appointmentId, Instant occurredAt, @Nullable Instant dosedAt) {
	}

	private final AppointmentLifecycle lifecycle;

	SessionCompletedHandler(AppointmentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
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
		lifecycle.sessionCompleted(data.appointmentId(), data.patientId(), data.occurredAt(), data.dosedAt());
	}
}
