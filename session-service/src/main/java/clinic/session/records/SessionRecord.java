package clinic.session.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.platform.problems.ConflictException;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.monitoring.VitalsReading;

/**
 * The record of one infusion session, opened for a booked appointment with the patient's dose plan. Vitals are
 * added while it is in progress; completing it needs at least one reading and closes it to further readings.
 * {@code version} grows with every change and travels with the record's events.
 */
public record SessionRecord(UUID id, UUID appointmentId, UUID patientId, String patientName, SessionStatus status,
		DosePlan dosePlan, List<VitalsReading> vitals, String openedBy, Instant openedAt, Completion completion,
		long version) {

	public SessionRecord {
		vitals = List.copyOf(vitals);
	}

	public static SessionRecord open(BookedAppointment appointment, String patientName, DosePlan dosePlan,
			String openedBy, Instant openedAt) {
		return new SessionRecord(UUID.randomUUID(), appointment.appointmentId(), appointment.patientId(), patientName,
				SessionStatus.IN_PROGRESS, dosePlan, List.of(), openedBy, openedAt, null, 1);
	}

	public SessionRecord withReading(VitalsReading reading) {
		requireInProgress("take new vitals");
		var readings = new ArrayList<>(vitals);
		readings.add(reading);
		return new SessionRecord(id, appointmentId, patientId, patientName, status, dosePlan, readings, openedBy,
				openedAt, completion, version + 1);
	}

	public SessionRecord completed(Completion how) {
		requireInProgress("be completed again");
		if (vitals.isEmpty()) {
			throw new ConflictException("Session record " + id + " has no vitals reading; record at least one before "
					+ "completing the session");
		}
		return new SessionRecord(id, appointmentId, patientId, patientName, SessionStatus.COMPLETED, dosePlan, vitals,
				openedBy, openedAt, how, version + 1);
	}

	private void requireInProgress(String what) {
		if (status == SessionStatus.COMPLETED) {
			throw new ConflictException("Session record " + id + " was completed by " + completion.completedBy()
					+ " at " + completion.completedAt() + "; it cannot " + what);
		}
	}
}
