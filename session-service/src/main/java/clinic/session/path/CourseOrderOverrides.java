package clinic.session.path;

import java.util.Optional;
import java.util.UUID;

/** Where overrides of the course order are kept (one per appointment, never changed). */
public interface CourseOrderOverrides {

	/** Stores the override unless the appointment has one; returns whether it was stored. */
	boolean insert(CourseOrderOverride override);

	Optional<CourseOrderOverride> of(UUID appointmentId);
}
