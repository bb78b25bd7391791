package clinic.session.path.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.path.CourseOrderOverride;
import clinic.session.path.CourseOrderOverrides;

@Repository
class JdbcCourseOrderOverrides implements CourseOrderOverrides {

	private final JdbcClient jdbc;

	JdbcCourseOrderOverrides(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean insert(CourseOrderOverride o) {
		return jdbc.sql("""
				insert into course_order_override (appointment_id, reason, overridden_by, overridden_at)
				values (:appointment, :reason, :by, :at) on conflict (appointment_id) do nothing""")
			.param("appointment", o.appointmentId())
			.param("reason", o.reason())
			.param("by", o.overriddenBy())
			.param("at", timestamp(o.overriddenAt()))
			.update() == 1;
	}

	@Override
	public Optional<CourseOrderOverride> of(UUID appointmentId) {
		return jdbc.sql("select * from course_order_override where appointment_id = :appointment")
			.param("appointment", appointmentId)
			.query((rs, n) -> new CourseOrderOverride(rs.getObject("appointment_id", UUID.class),
					rs.getString("reason"), rs.getString("overridden_by"),
					instant(rs, "overridden_at")))
			.optional();
	}
}
