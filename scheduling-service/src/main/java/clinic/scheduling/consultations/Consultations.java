package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.booking.AppointmentStatus;

/** Where consultations and their histories are kept. */
public interface Consultations {

	/**
	 * Counts one more change to the patient's consultations and returns the new count, the patient's row locked until
	 * the transaction ends: changes to one patient's consultations queue up. Empty when the patient is not registered.
	 */
	Optional<Long> nextVersion(UUID patientId);

	/**
	 * Stores a new consultation.
	 * @throws ConsultationCollision when the store refuses it (slot taken, patient booked or busy); the surrounding
	 * transaction stays usable
	 */
	void insert(Consultation consultation);

	Optional<Consultation> find(UUID id);

	/** The patient's booked consultation, if any (there is at most one). */
	Optional<Consultation> bookedOf(UUID patientId);

	void changeStatus(UUID id, AppointmentStatus to, @Nullable String cancellationReason);

	void recordChange(ConsultationChange change);

	List<ConsultationChange> history(UUID id);

	/** What a listing asks for; null fields do not filter. */
	record Query(Instant from, Instant until, @Nullable UUID siteId, @Nullable String clinician,
			@Nullable UUID patientId, boolean includeCancelled) {
	}

	/** Consultations overlapping [from, until) that match the query, by start. */
	List<Listed> list(Query query);

	Optional<Listed> listed(UUID id);

	/** Those of the slots that hold a consultation (not cancelled). */
	Set<UUID> taken(Collection<UUID> slotIds);
}
