package clinic.session.appointments;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where the course-state projection is kept. */
public interface CourseStates {

	/** Stores the state unless a version at least as new is kept; returns whether it was stored. */
	boolean saveIfNewer(CourseState state);

	Optional<CourseState> of(UUID courseId);

	Map<UUID, CourseState> of(Collection<UUID> courseIds);
}
