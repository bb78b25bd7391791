package clinic.session.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.records.SessionRecordService;

/** A rescheduled appointment moves on the nurse's list (new time and chair), unless its record is already open. */
@Component
class AppointmentRescheduledHandler implements EventHandler<AppointmentRescheduledHandler.AppointmentRescheduled> {

	/** Session's own reading of clinic.scheduling.appointment-rescheduled.v1: only what it needs. */
	record AppointmentRescheduled(UUID patientId, long aggregateVersion, Instant occurredAt, UUID appointmentId,
			UUID newAppointmentId, UUID siteId, String siteName, String timeZone, UUID chairId, String chairName,
			Instant start, Instant end) {
	}

	private final SessionRecordService records;

	AppointmentRescheduledHandler(SessionRecordService records) {
		this.records = records;
	}

	@Override
	public String type() {
		return "clinic.scheduling.appointment-rescheduled.v1";
	}

	@Override
	public Class<AppointmentRescheduled> dataType() {
		return AppointmentRescheduled.class;
	}

	@Override
	public void handle(AppointmentRescheduled data, InboundEvent event) {
		records.appointmentMoved(new AppointmentService.Move(data.appointmentId(), data.newAppointmentId(),
				new BookedAppointment.Place(data.siteId(), data.siteName(), ZoneId.of(data.timeZone()), data.chairId()),
				data.chairName(), data.start(), data.end(), data.aggregateVersion(), data.occurredAt()));
	}
}
