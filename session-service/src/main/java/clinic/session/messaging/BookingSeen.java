package clinic.session.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventNotYetSeenException;
import clinic.session.appointments.AppointmentService;

/**
 * A cancellation, move or no-show is about an appointment whose booking came first. When session has never seen
 * that booking (parked, or not replayed yet), the change waits for it instead of being dropped: dropped, a booking
 * replayed later would put a cancelled infusion back on the nurse's list.
 */
@Component
class BookingSeen {

	static final String BOOKED = "clinic.scheduling.appointment-booked.v1";

	private final AppointmentService appointments;

	BookingSeen(AppointmentService appointments) {
		this.appointments = appointments;
	}

	/** Throws {@link EventNotYetSeenException} unless session has seen the appointment's booking. */
	void require(UUID appointmentId) {
		if (appointments.state(appointmentId).isEmpty()) {
			throw new EventNotYetSeenException("Appointment " + appointmentId, BOOKED);
		}
	}
}
