package clinic.intake.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The recorded adverse events and review flags per patient. */
public interface ReviewFlags {

	/** Records the flag once per source event; false when that event was recorded already. */
	boolean insert(ReviewFlag flag);

	Optional<ReviewFlag> findForUpdate(UUID patientId, UUID flagId);

	void clear(UUID flagId, Instant at, String by, String reason);

	/** The patient's open flags, oldest first. */
	List<ReviewFlag> openOf(UUID patientId);
}
