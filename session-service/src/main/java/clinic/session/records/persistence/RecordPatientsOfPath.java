package clinic.session.records.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.SqlPatientsOfPath;

/**
 * The patient of a session record or a booked appointment named in a path, for the audit trail: a refused or failed
 * call on {@code /api/session/records/{id}} is recorded against the patient whose record it is.
 */
@Component
class RecordPatientsOfPath extends SqlPatientsOfPath {

	RecordPatientsOfPath(JdbcClient jdbc) {
		super(jdbc, Map.of(
				"/api/session/records/{id}", "select patient_id from session_record where id = ?",
				"/api/session/appointments/{appointmentId}",
				"select patient_id from booked_appointment where appointment_id = ?"));
	}
}
