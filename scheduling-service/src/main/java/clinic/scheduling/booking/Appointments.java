package clinic.scheduling.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where appointments are kept. */
public interface Appointments {

	/**
	 * Stores a new appointment.
	 * @throws AppointmentCollision when it overlaps another appointment of its chair or its patient; the
	 * surrounding transaction stays usable
	 */
	void insert(Appointment appointment);

	Optional<Appointment> find(UUID id);

	/** The appointment's session was completed at {@code at}. */
	void fulfil(UUID id, Instant at);

	/** The course's appointments in infusion order, cancelled ones included. */
	List<Appointment> ofCourses(Collection<UUID> courseIds);

	/** How many of the course's appointments are not cancelled. */
	int countBooked(UUID courseId);

	int countFulfilled(UUID courseId);

	/** Appointments of the chair, not cancelled, that overlap [start, end). */
	List<Appointment> overlappingInChair(UUID chairId, Instant start, Instant end);

	/** Appointments of the patient, not cancelled, that overlap [start, end). */
	List<Appointment> overlappingOfPatient(UUID patientId, Instant start, Instant end);
}
