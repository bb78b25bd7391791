package clinic.session.appointments;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as scheduling booked it. {@code patientName} may be missing (the event does not require it);
 * {@code aggregateVersion} is scheduling's version of the appointment, kept to drop stale events.
 */
public record BookedAppointment(UUID appointmentId, UUID patientId, String patientName, UUID courseId,
		String chairName, AppointmentKind kind, int sequence, Instant start, Instant end, long aggregateVersion) {
}
