package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.booking.AppointmentLifecycle;

/** The nurse checked the patient in on the session record: the appointment is checked-in. */
@Component
class CheckedInHandler implements EventHandler<CheckedInHandler.CheckedIn> {

	/** Scheduling's own reading of clinic.session.checked-in.v1: only what it needs. */
	record CheckedIn(UUID patientId, UUID appointmentId, Instant occurredAt) {
	}

	private final AppointmentLifecycle lifecycle;

	CheckedInHandler(AppointmentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public String type() {
		return "clinic.session.checked-in.v1";
	}

	@Override
	public Class<CheckedIn> dataType() {
		return CheckedIn.class;
	}

	@Override
	public void handle(CheckedIn data, InboundEvent event) {
		lifecycle.checkedIn(data.appointmentId(), data.patientId(), data.occurredAt());
	}
}
