package clinic.scheduling.resources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where clinicians' consultation slots are kept. */
public interface ConsultationSlots {

	/** Slots (of a clinician, at a site, when given) overlapping [from, to), by start and clinician. */
	List<ConsultationSlot> list(@Nullable String clinician, @Nullable UUID siteId, Instant from, Instant to);

	Optional<ConsultationSlot> find(UUID id);

	/**
	 * The slot, its row locked until the transaction ends: a booking into it and its removal queue up, so a slot is
	 * never removed under a consultation booked at the same moment.
	 */
	Optional<ConsultationSlot> lock(UUID id);

	/** Whether a consultation (not cancelled) is booked into the slot. */
	boolean isBooked(UUID id);

	/** @throws ResourceCollision when it overlaps another slot of the clinician (one stored meanwhile) */
	void insert(ConsultationSlot slot);

	/** Removes the slot if it is still at {@code expectedVersion}; false when it is not (nothing removed). */
	boolean delete(UUID id, long expectedVersion);
}
