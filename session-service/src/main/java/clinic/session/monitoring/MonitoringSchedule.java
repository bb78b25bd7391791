package clinic.session.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * When vitals are due. A phase starting at S with interval i has readings due at S + i, S + 2i, … while the phase
 * lasts. A reading taken within half an interval either side of a due time counts for it. A due time that has come
 * is DUE for half an interval, then OVERDUE; the next due time after now is UPCOMING. A signed record is judged
 * at its signing time and has nothing upcoming.
 */
@Component
public class MonitoringSchedule {

	/** A forgotten open record must not grow an endless list: the chart shows at most this many slots per phase. */
	static final int MAX_SLOTS_PER_PHASE = 200;

	private final MonitoringSettings settings;

	public MonitoringSchedule(MonitoringSettings settings) {
		this.settings = settings;
	}

	/**
	 * The session's times: {@code infusionStart} is the IV dose (null for other routes or before dosing),
	 * {@code recoveryStart} the end of the infusion or the IM/intranasal dose (null until then), {@code end} the
	 * signing (null while open).
	 */
	public record Timeline(Instant infusionStart, Instant recoveryStart, Instant end) {
	}

	public List<ReadingSlot> slots(Timeline timeline, List<VitalsReading> readings, Instant now) {
		var at = timeline.end() != null && timeline.end().isBefore(now) ? timeline.end() : now;
		var slots = new ArrayList<ReadingSlot>();
		if (timeline.infusionStart() != null) {
			var infusionEnd = timeline.recoveryStart() != null ? timeline.recoveryStart() : timeline.end();
			slots.addAll(phase(Phase.INFUSION, timeline.infusionStart(), infusionEnd, readings, at));
		}
		if (timeline.recoveryStart() != null) {
			slots.addAll(phase(Phase.RECOVERY, timeline.recoveryStart(), timeline.end(), readings, at));
		}
		return List.copyOf(slots);
	}

	private List<ReadingSlot> phase(Phase phase, Instant start, Instant end, List<VitalsReading> readings,
			Instant now) {
		var interval = settings.interval(phase);
		var half = interval.dividedBy(2);
		var slots = new ArrayList<ReadingSlot>();
		for (int k = 1; k <= MAX_SLOTS_PER_PHASE; k++) {
			var due = start.plus(interval.multipliedBy(k));
			if (end != null && !due.isBefore(end)) {
				break;
			}
			var taken = takenWithin(readings, due.minus(half), due.plus(half));
			if (taken != null) {
				slots.add(new ReadingSlot(phase, due, ReadingSlot.Status.TAKEN, taken));
			}
			else if (now.isBefore(due)) {
				slots.add(new ReadingSlot(phase, due, ReadingSlot.Status.UPCOMING, null));
			}
			else {
				var status = now.isBefore(due.plus(half)) ? ReadingSlot.Status.DUE : ReadingSlot.Status.OVERDUE;
				slots.add(new ReadingSlot(phase, due, status, null));
			}
			if (now.isBefore(due)) {
				break;
			}
		}
		return slots;
	}

	private static Instant takenWithin(List<VitalsReading> readings, Instant from, Instant before) {
		return readings.stream()
			.map(VitalsReading::takenAt)
			.filter(t -> !t.isBefore(from) && t.isBefore(before))
			.findFirst()
			.orElse(null);
	}
}
