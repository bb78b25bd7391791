package clinic.session.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;

/** A booked infusion appears on the nurse's list of appointments, on its day at its site. */
@Component
class AppointmentBookedHandler implements EventHandler<AppointmentBookedHandler.AppointmentBooked> {

	/** Session's own reading of clinic.scheduling.appointment-booked.v1: only what it needs. */
	record AppointmentBooked(UUID patientId, long aggregateVersion, UUID appointmentId, UUID courseId,
			String patientName, UUID siteId, String siteName, String timeZone, UUID chairId, String chairName,
			AppointmentKind kind, int sequence, Integer courseInfusions, Instant start, Instant end) {
	}

	private final AppointmentService appointments;

	AppointmentBookedHandler(AppointmentService appointments) {
		this.appointments = appointments;
	}

	@Override
	public String type() {
		return "clinic.scheduling.appointment-booked.v1";
	}

	@Override
	public Class<AppointmentBooked> dataType() {
		return AppointmentBooked.class;
	}

	@Override
	public void handle(AppointmentBooked data, InboundEvent event) {
		appointments.booked(new BookedAppointment(data.appointmentId(), data.patientId(), data.patientName(),
				data.courseId(), new BookedAppointment.Place(data.siteId(), data.siteName(), ZoneId.of(data.timeZone()),
						data.chairId()),
				data.chairName(), data.kind(), data.sequence(), data.courseInfusions(), data.start(), data.end(),
				data.aggregateVersion()));
	}
}
