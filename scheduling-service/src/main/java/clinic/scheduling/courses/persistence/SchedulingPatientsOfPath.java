package clinic.scheduling.courses.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.SqlPatientsOfPath;

/**
 * The patient of a course, an appointment, a consultation or a waitlist entry or offer named in a path, for the audit
 * trail: a refused or failed call on {@code /api/scheduling/courses/{courseId}} is recorded against the course's
 * patient. (A freed slot's offers, {@code /api/scheduling/waitlist/slots/{appointmentId}/offers}, name their
 * patients in the answer.)
 */
@Component
class SchedulingPatientsOfPath extends SqlPatientsOfPath {

	SchedulingPatientsOfPath(JdbcClient jdbc) {
		super(jdbc, Map.of(
				"/api/scheduling/courses/{courseId}", "select patient_id from course where id = ?",
				"/api/scheduling/appointments/{appointmentId}", "select patient_id from appointment where id = ?",
				"/api/scheduling/consultations/{consultationId}", "select patient_id from consultation where id = ?",
				"/api/scheduling/waitlist/{entryId}", "select patient_id from waitlist_entry where id = ?",
				// FHIR's Appointment is an infusion's appointment or a consultation (the agenda)
				"/fhir/Appointment/{appointmentId}", """
						select patient_id from (select id, patient_id from appointment
						  union all select id, patient_id from consultation) visit where id = ?""",
				"/api/scheduling/waitlist/offers/{offerId}", """
						select e.patient_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id
						where o.id = ?"""));
	}
}
