package clinic.scheduling.planning;

import java.time.Instant;

/** One nurse on shift from {@code start} to {@code end}, watching at most {@code chairsWatched} chairs at once. */
public record NurseShift(Instant start, Instant end, int chairsWatched) {

	public NurseShift {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("A shift must start (" + start + ") before it ends (" + end + ")");
		}
		if (chairsWatched < 0) {
			throw new IllegalArgumentException("A nurse watches zero or more chairs, not " + chairsWatched);
		}
	}
}
