package clinic.session.path.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.path.DosingPause;
import clinic.session.path.DosingPauses;

@Repository
class JdbcDosingPauses implements DosingPauses {

	private final JdbcClient jdbc;

	JdbcDosingPauses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(DosingPause p) {
		jdbc.sql("""
				insert into dosing_pause (adverse_event_id, patient_id, session_id, grade, reported_by, reported_at)
				values (:id, :patient, :session, :grade, :by, :at)""")
			.param("id", p.adverseEventId())
			.param("patient", p.patientId())
			.param("session", p.sessionId())
			.param("grade", p.grade())
			.param("by", p.reportedBy())
			.param("at", timestamp(p.reportedAt()))
			.update();
	}

	@Override
	public List<DosingPause> inForce(UUID patientId) {
		return jdbc.sql("""
				select * from dosing_pause where patient_id = :patient and lifted_at is null
				order by reported_at, adverse_event_id""")
			.param("patient", patientId)
			.query((rs, n) -> new DosingPause(rs.getObject("adverse_event_id", UUID.class),
					rs.getObject("patient_id", UUID.class), rs.getObject("session_id", UUID.class),
					rs.getString("grade"), rs.getString("reported_by"), instant(rs, "reported_at")))
			.list();
	}

	@Override
	public Set<UUID> paused(Collection<UUID> patientIds) {
		if (patientIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select distinct patient_id from dosing_pause where patient_id in (:patients) "
				+ "and lifted_at is null")
			.param("patients", patientIds)
			.query(UUID.class)
			.list());
	}

	@Override
	public int lift(Collection<UUID> adverseEventIds, UUID courseId, Instant at) {
		if (adverseEventIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update dosing_pause set lifted_at = :at, lifted_by_course = :course
				where adverse_event_id in (:ids) and lifted_at is null""")
			.param("at", timestamp(at))
			.param("course", courseId)
			.param("ids", adverseEventIds)
			.update();
	}
}
