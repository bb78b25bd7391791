package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

import clinic.session.monitoring.Alert;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.ReadingSlot;

/**
 * Where a session stands, as a board of the day's chairs shows it: the stage and since when, the readings due and
 * overdue now, and the alerts still waiting for an action.
 */
public record RecordProgress(UUID recordId, Stage stage, Instant since, long readingsDue, long readingsOverdue,
		long openAlerts) {

	/** The stages of a session a nurse and the front desk tell apart. */
	public enum Stage {
		/** The record is open: the patient is at the chair, not yet checked in. */
		ARRIVED,
		CHECKED_IN,
		INFUSING,
		/** Dosed (after an IV infusion ended), not yet fit for discharge. */
		RECOVERING,
		/** Every discharge criterion holds: the discharge waits for its signatures. */
		READY_FOR_DISCHARGE,
		DONE
	}

	public static RecordProgress of(SessionChart chart) {
		var r = chart.record();
		var due = chart.readings().stream().filter(s -> s.status() == ReadingSlot.Status.DUE).count();
		var overdue = chart.readings().stream().filter(s -> s.status() == ReadingSlot.Status.OVERDUE).count();
		var alerts = r.alerts().stream().filter(Alert::isOpen).count();
		return new RecordProgress(r.id(), stage(chart), since(chart), due, overdue, alerts);
	}

	private static Stage stage(SessionChart chart) {
		var r = chart.record();
		if (r.isSigned()) {
			return Stage.DONE;
		}
		if (r.dosing() == null) {
			return r.checkIn() == null ? Stage.ARRIVED : Stage.CHECKED_IN;
		}
		if (chart.phase() == Phase.INFUSION) {
			return Stage.INFUSING;
		}
		return chart.openDischargeCriteria().isEmpty() ? Stage.READY_FOR_DISCHARGE : Stage.RECOVERING;
	}

	private static Instant since(SessionChart chart) {
		var r = chart.record();
		return switch (stage(chart)) {
			case DONE -> r.completion().signedAt();
			case ARRIVED -> r.openedAt();
			case CHECKED_IN -> r.checkIn().checkedInAt();
			case INFUSING -> r.dosing().administeredAt();
			case RECOVERING, READY_FOR_DISCHARGE -> r.infusionEnd() != null ? r.infusionEnd().endedAt()
					: r.dosing().administeredAt();
		};
	}
}
