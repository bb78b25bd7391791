package clinic.scheduling.booking.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.booking.BoosterInterval;
import clinic.scheduling.booking.BoosterIntervals;

@Repository
class JdbcBoosterIntervals implements BoosterIntervals {

	private final JdbcClient jdbc;

	JdbcBoosterIntervals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void set(BoosterInterval i) {
		for (var sql : new String[] { """
				insert into booster_interval (course_id, interval_days, reason, set_by, set_at)
				values (:course, :days, :reason, :by, :at)
				on conflict (course_id) do update set interval_days = excluded.interval_days, reason = excluded.reason,
				  set_by = excluded.set_by, set_at = excluded.set_at""", """
				insert into booster_interval_history (course_id, interval_days, reason, set_by, set_at)
				values (:course, :days, :reason, :by, :at)""" }) {
			jdbc.sql(sql)
				.param("course", i.courseId())
				.param("days", i.days())
				.param("reason", i.reason())
				.param("by", i.setBy())
				.param("at", timestamp(i.setAt()))
				.update();
		}
	}

	@Override
	public Optional<BoosterInterval> of(UUID courseId) {
		return jdbc.sql("select * from booster_interval where course_id = :course")
			.param("course", courseId)
			.query((rs, row) -> new BoosterInterval(rs.getObject("course_id", UUID.class), rs.getInt("interval_days"),
					rs.getString("reason"), rs.getString("set_by"), instant(rs, "set_at")))
			.optional();
	}
}
