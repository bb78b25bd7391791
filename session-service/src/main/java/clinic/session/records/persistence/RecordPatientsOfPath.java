package clinic.session.records.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.SqlPatientsOfPath;

/**
 * The patient of a session record or a booked appointment named in a path, for the audit trail: a refused or failed
 * call on {@code /api/session/records/{id}} is recorded against the patient whose record it is. FHIR's Observations and
 * side effects are named by ids that are no UUIDs (a reading's, a side effect's): a refused read of one names no
 * patient, a read answered names it from the answer.
 */
@Component
class RecordPatientsOfPath extends SqlPatientsOfPath {

	RecordPatientsOfPath(JdbcClient jdbc) {
		super(jdbc, Map.of(
				"/api/session/records/{id}", "select patient_id from session_record where id = ?",
				"/api/session/appointments/{appointmentId}",
				"select patient_id from booked_appointment where appointment_id = ?",
				// FHIR's Encounter and MedicationAdministration are a record's, of its id
				"/fhir/Encounter/{encounterId}", "select patient_id from session_record where id = ?",
				"/fhir/MedicationAdministration/{administrationId}",
				"select patient_id from session_record where id = ?",
				"/fhir/AdverseEvent/{adverseEventId}",
				"select r.patient_id from adverse_event e join session_record r on r.id = e.session_id where e.id = ?"));
	}
}
