package clinic.scheduling.booking;

import java.util.Optional;
import java.util.UUID;

/** Where booster intervals are kept, each setting also in their history. */
public interface BoosterIntervals {

	void set(BoosterInterval interval);

	Optional<BoosterInterval> of(UUID courseId);
}
