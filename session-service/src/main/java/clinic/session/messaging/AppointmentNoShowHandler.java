package clinic.session.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.appointments.AppointmentService;

/** A no-show leaves the nurse's list and no longer waits its turn in the course. */
@Component
class AppointmentNoShowHandler implements EventHandler<AppointmentNoShowHandler.AppointmentNoShow> {

	/** Session's own reading of clinic.scheduling.appointment-no-show.v1: only what it needs. */
	record AppointmentNoShow(UUID patientId, long aggregateVersion, Instant occurredAt, UUID appointmentId) {
	}

	private final AppointmentService appointments;

	AppointmentNoShowHandler(AppointmentService appointments) {
		this.appointments = appointments;
	}

	@Override
	public String type() {
		return "clinic.scheduling.appointment-no-show.v1";
	}

	@Override
	public Class<AppointmentNoShow> dataType() {
		return AppointmentNoShow.class;
	}

	@Override
	public void handle(AppointmentNoShow data, InboundEvent event) {
		appointments.noShow(data.appointmentId(), data.aggregateVersion(), data.occurredAt());
	}
}
