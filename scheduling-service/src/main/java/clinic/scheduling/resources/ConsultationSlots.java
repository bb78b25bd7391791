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

	/** @throws ResourceCollision when it overlaps another slot of the clinician (one stored meanwhile) */
	void insert(ConsultationSlot slot);

	/** Removes the slot if it is still at {@code expectedVersion}; false when it is not (nothing removed). */
	boolean delete(UUID id, long expectedVersion);
}
