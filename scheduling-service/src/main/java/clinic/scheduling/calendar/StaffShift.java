package clinic.scheduling.calendar;

import java.time.Instant;

import clinic.scheduling.planning.NurseShift;

/** A named nurse on shift at a site from {@code start} to {@code end}, watching at most {@code chairsWatched} chairs. */
public record StaffShift(String nurse, Instant start, Instant end, int chairsWatched, Source source) {

	/** Where the shift comes from: the weekly rota, or a dated extra shift. */
	public enum Source {
		ROTA, EXTRA
	}

	NurseShift forPlanning() {
		return new NurseShift(start, end, chairsWatched);
	}
}
