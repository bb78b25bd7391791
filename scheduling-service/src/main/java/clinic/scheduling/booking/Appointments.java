package clinic.scheduling.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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

	/** Moves the appointment to {@code to}; {@code cancellationReason} is kept when it is cancelled. */
	void changeStatus(UUID id, AppointmentStatus to, @Nullable String cancellationReason);

	/** Whether the course has a booked appointment starting after {@code after} (held or not). */
	boolean hasBookedAfter(UUID courseId, Instant after);

	/**
	 * Booked appointments, not on hold, that started before {@code before}, earliest first: those the no-show sweep
	 * looks at.
	 */
	List<Appointment> bookedStartedBefore(Instant before);

	/** Puts the course's booked appointments starting after {@code after} on hold; returns their ids. */
	List<UUID> holdFuture(UUID courseId, Instant after);

	/** Releases every hold on the course's appointments; returns how many were held. */
	int releaseHolds(UUID courseId);

	/** Links a booked appointment to the one it replaced when that was rescheduled. */
	void linkRescheduled(UUID id, UUID rescheduledFrom);

	void recordChange(StatusChange change);

	/**
	 * Whether session-service has told of a session record opened for the appointment: a status change made by
	 * {@code by} (its name in the history) to arrived or checked-in.
	 */
	boolean hasArrivalBy(UUID id, String by);

	/** The appointment with its cancellation reason, the appointment it replaced and its status changes in order. */
	Optional<AppointmentDetail> detail(UUID id);
}
