package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.booking.AppointmentLifecycle;

/** The nurse opened the session record: the patient is at the chair, so the booked appointment is arrived. */
@Component
class SessionStartedHandler implements EventHandler<SessionStartedHandler.SessionStarted> {

	/** Scheduling's own reading of clinic.session.session-started.v1: only what it needs. */
	record SessionStarted(UUID patientId, UUID appointmentId, Instant occurredAt) {
	}

	private final AppointmentLifecycle lifecycle;

	SessionStartedHandler(AppointmentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public String type() {
		return "clinic.session.session-started.v1";
	}

	@Override
	public Class<SessionStarted> dataType() {
		return SessionStarted.class;
	}

	@Override
	public void handle(SessionStarted data, InboundEvent event) {
		lifecycle.sessionStarted(data.appointmentId(), data.patientId(), data.occurredAt());
	}
}
