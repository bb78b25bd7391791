package clinic.session.records;

import java.time.Instant;
import java.util.List;

import clinic.session.discharge.OpenCriterion;
import clinic.session.dosing.DoseLimits;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.ReadingSlot;

/**
 * A session record as the chart shows it at {@code asOf}: its phase, which readings were taken, are due, overdue or
 * upcoming, whether dosing waits for a clinician's confirmation of the pre-dose blood pressure, and the discharge
 * criteria still open; with the dosing settings a dose is checked against ({@code doseLimits}).
 */
public record SessionChart(SessionRecord record, Instant asOf, Phase phase, List<ReadingSlot> readings,
		boolean awaitingBpConfirmation, List<OpenCriterion> openDischargeCriteria, DoseLimits doseLimits) {
}
