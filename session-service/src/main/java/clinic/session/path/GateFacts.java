package clinic.session.path;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.BookedAppointment;
import clinic.session.appointments.CourseState;
import clinic.session.doseplans.PatientDosePlan;

/**
 * What the session service knows, at one moment, about an infusion someone wants to give: the appointment and
 * whether scheduling still has it booked, its course's state, the patient's dosing pauses in force, the course's
 * earlier appointments with no dose given yet, a clinician's override of the course order, the patient's last dose
 * given elsewhere, the patient's latest eligibility decision, and the decision the record was opened under (null
 * before it is open).
 */
public record GateFacts(BookedAppointment appointment, AppointmentState appointmentState,
		Optional<CourseState> course, List<DosingPause> pauses, List<BookedAppointment> earlierOutstanding,
		Optional<CourseOrderOverride> override, Optional<LastDose> lastDose, Optional<PatientDosePlan> decision,
		@Nullable UUID recordDecisionId) {

	/** The patient's most recent dose given in another session record. */
	public record LastDose(Instant givenAt, UUID sessionId) {
	}
}
