package clinic.session.records.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.PatientsOfPath;

/**
 * The patient of a session record or a booked appointment named in a path, for the audit trail: a refused or failed
 * call on {@code /api/session/records/{id}} is recorded against the patient whose record it is.
 */
@Component
class RecordPatientsOfPath implements PatientsOfPath {

	private final JdbcClient jdbc;

	RecordPatientsOfPath(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UUID> patientOf(String pattern, Map<String, String> variables) {
		if (pattern.startsWith("/api/session/records/{id}")) {
			return lookUp("select patient_id from session_record where id = ?", variables.get("id"));
		}
		if (pattern.startsWith("/api/session/appointments/{appointmentId}")) {
			return lookUp("select patient_id from booked_appointment where appointment_id = ?",
					variables.get("appointmentId"));
		}
		return Optional.empty();
	}

	private Optional<UUID> lookUp(String sql, String id) {
		try {
			return jdbc.sql(sql).param(UUID.fromString(id)).query(UUID.class).optional();
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}
}
