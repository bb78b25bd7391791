package clinic.scheduling.courses.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.PatientsOfPath;

/**
 * The patient of a course, an appointment, a consultation or a waitlist entry named in a path, for the audit trail: a
 * refused or failed call on {@code /api/scheduling/courses/{courseId}} is recorded against the course's patient.
 */
@Component
class SchedulingPatientsOfPath implements PatientsOfPath {

	private final JdbcClient jdbc;

	SchedulingPatientsOfPath(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UUID> patientOf(String pattern, Map<String, String> variables) {
		if (pattern.startsWith("/api/scheduling/courses/{courseId}")) {
			return lookUp("select patient_id from course where id = ?", variables.get("courseId"));
		}
		if (pattern.startsWith("/api/scheduling/appointments/{appointmentId}")) {
			return lookUp("select patient_id from appointment where id = ?", variables.get("appointmentId"));
		}
		if (pattern.startsWith("/api/scheduling/consultations/{consultationId}")) {
			return lookUp("select patient_id from consultation where id = ?", variables.get("consultationId"));
		}
		if (pattern.startsWith("/api/scheduling/waitlist/{entryId}")) {
			return lookUp("select patient_id from waitlist_entry where id = ?", variables.get("entryId"));
		}
		if (pattern.startsWith("/api/scheduling/waitlist/offers/{offerId}")) {
			return lookUp("""
					select e.patient_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id
					where o.id = ?""", variables.get("offerId"));
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
