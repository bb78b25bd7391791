package clinic.scheduling.messaging;

import java.util.UUID;

import clinic.platform.inbox.EventNotYetSeenException;
import clinic.scheduling.booking.BookingService;

/**
 * Session's events (started, checked in, completed) are about an appointment scheduling booked. One it does not
 * have yet (its booking not committed or restored yet) is early, not poison: the event waits for a while instead of
 * being parked after a few quick tries.
 */
final class AppointmentSeen {

	private AppointmentSeen() {
	}

	static void require(BookingService bookings, UUID appointmentId) {
		if (!bookings.knows(appointmentId)) {
			throw new EventNotYetSeenException("Appointment " + appointmentId,
					"its booking (clinic.scheduling.appointment-booked.v1)");
		}
	}
}
