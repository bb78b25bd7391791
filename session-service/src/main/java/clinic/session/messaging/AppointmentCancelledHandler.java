package clinic.session.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.records.SessionRecordService;

/** A cancelled appointment leaves the nurse's list, unless its session record is already open. */
@Component
class AppointmentCancelledHandler implements EventHandler<AppointmentCancelledHandler.AppointmentCancelled> {

	/** Session's own reading of clinic.scheduling.appointment-cancelled.v1: only what it needs. */
	record AppointmentCancelled(UUID patientId, long aggregateVersion, Instant occurredAt, UUID appointmentId) {
	}

	private final SessionRecordService records;

	AppointmentCancelledHandler(SessionRecordService records) {
		this.records = records;
	}

	@Override
	public String type() {
		return "clinic.scheduling.appointment-cancelled.v1";
	}

	@Override
	public Class<AppointmentCancelled> dataType() {
		return AppointmentCancelled.class;
	}

	@Override
	public void handle(AppointmentCancelled data, InboundEvent event) {
		records.appointmentCancelled(data.appointmentId(), data.aggregateVersion(), data.occurredAt());
	}
}
