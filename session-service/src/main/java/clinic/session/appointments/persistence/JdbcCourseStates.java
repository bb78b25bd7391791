package clinic.session.appointments.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.appointments.CourseState;
import clinic.session.appointments.CourseStates;
import clinic.session.appointments.CourseStatus;

@Repository
class JdbcCourseStates implements CourseStates {

	private final JdbcClient jdbc;

	JdbcCourseStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfNewer(CourseState s) {
		return jdbc.sql("""
				insert into course_state (course_id, patient_id, status, reason, aggregate_version, changed_at)
				values (:course, :patient, :status, :reason, :version, :at)
				on conflict (course_id) do update
				  set status = excluded.status, reason = excluded.reason,
				      aggregate_version = excluded.aggregate_version, changed_at = excluded.changed_at
				  where course_state.aggregate_version < excluded.aggregate_version""")
			.param("course", s.courseId())
			.param("patient", s.patientId())
			.param("status", s.status().name())
			.param("reason", s.reason(), Types.VARCHAR)
			.param("version", s.aggregateVersion())
			.param("at", timestamp(s.changedAt()), Types.TIMESTAMP)
			.update() == 1;
	}

	@Override
	public Optional<CourseState> of(UUID courseId) {
		return jdbc.sql("select * from course_state where course_id = :course")
			.param("course", courseId)
			.query(JdbcCourseStates::state)
			.optional();
	}

	@Override
	public Map<UUID, CourseState> of(Collection<UUID> courseIds) {
		if (courseIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from course_state where course_id in (:courses)")
			.param("courses", courseIds)
			.query(JdbcCourseStates::state)
			.list()
			.stream()
			.collect(Collectors.toMap(CourseState::courseId, Function.identity()));
	}

	private static CourseState state(ResultSet rs, int row) throws SQLException {
		return new CourseState(rs.getObject("course_id", UUID.class), rs.getObject("patient_id", UUID.class),
				CourseStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getLong("aggregate_version"),
				instant(rs, "changed_at"));
	}
}
