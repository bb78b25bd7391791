package clinic.scheduling.booking.persistence;

import static clinic.platform.jdbc.Timestamps.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.booking.CourseAdverseEvents;

@Repository
class JdbcCourseAdverseEvents implements CourseAdverseEvents {

	private final JdbcClient jdbc;

	JdbcCourseAdverseEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean record(UUID courseId, UUID adverseEventId, String grade, Instant occurredAt, Instant receivedAt) {
		return jdbc.sql("""
				insert into course_adverse_event (course_id, adverse_event_id, grade, occurred_at, received_at)
				values (:course, :event, :grade, :occurred, :received) on conflict do nothing""")
			.param("course", courseId)
			.param("event", adverseEventId)
			.param("grade", grade)
			.param("occurred", timestamp(occurredAt))
			.param("received", timestamp(receivedAt))
			.update() == 1;
	}

	@Override
	public List<UUID> answerAll(UUID courseId, String by, Instant at) {
		var answered = unanswered(courseId);
		jdbc.sql("""
				update course_adverse_event set answered_by = :by, answered_at = :at
				where course_id = :course and answered_at is null""")
			.param("course", courseId)
			.param("by", by)
			.param("at", timestamp(at))
			.update();
		return answered;
	}

	@Override
	public List<UUID> unanswered(UUID courseId) {
		return jdbc.sql("""
				select adverse_event_id from course_adverse_event where course_id = :course and answered_at is null
				order by received_at, occurred_at, adverse_event_id""")
			.param("course", courseId)
			.query(UUID.class)
			.list();
	}
}
