package clinic.session.path;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where dosing pauses are kept. */
public interface DosingPauses {

	void insert(DosingPause pause);

	/** The patient's pauses not lifted yet, oldest first. */
	List<DosingPause> inForce(UUID patientId);

	/** Which of these patients have a pause in force. */
	Set<UUID> paused(Collection<UUID> patientIds);

	/** Lifts the pauses of these adverse events still in force; returns how many. */
	int lift(Collection<UUID> adverseEventIds, UUID courseId, Instant at);
}
