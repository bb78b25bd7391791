package clinic.intake.review.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.review.AdverseEventGrade;
import clinic.intake.review.ReviewFlag;
import clinic.intake.review.ReviewFlags;

@Repository
class JdbcReviewFlags implements ReviewFlags {

	private final JdbcClient jdbc;

	JdbcReviewFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean insert(ReviewFlag flag) {
		return jdbc.sql("""
				insert into patient_review_flag (id, patient_id, reason, grade, flags_review, source_event_id, raised_at)
				values (:id, :patient, :reason, :grade, :flagsReview, :source, :raisedAt)
				on conflict (source_event_id) do nothing""")
			.param("id", flag.id())
			.param("patient", flag.patientId())
			.param("reason", flag.reason())
			.param("grade", flag.grade().name())
			.param("flagsReview", flag.flagsReview())
			.param("source", flag.sourceEventId())
			.param("raisedAt", timestamp(flag.raisedAt()))
			.update() == 1;
	}

	@Override
	public Optional<ReviewFlag> findForUpdate(UUID patientId, UUID flagId) {
		return jdbc.sql("select * from patient_review_flag where id = :id and patient_id = :patient for update")
			.param("id", flagId)
			.param("patient", patientId)
			.query(JdbcReviewFlags::flag)
			.optional();
	}

	@Override
	public void clear(UUID flagId, Instant at, String by, String reason) {
		jdbc.sql("""
				update patient_review_flag set cleared_at = :at, cleared_by = :by, clear_reason = :reason
				where id = :id and cleared_at is null""")
			.param("id", flagId)
			.param("at", timestamp(at))
			.param("by", by)
			.param("reason", reason)
			.update();
	}

	@Override
	public List<ReviewFlag> openOf(UUID patientId) {
		return jdbc.sql("""
				select * from patient_review_flag
				where patient_id = :patient and flags_review and cleared_at is null
				order by raised_at, id""").param("patient", patientId).query(JdbcReviewFlags::flag).list();
	}

	private static ReviewFlag flag(ResultSet rs, int n) throws SQLException {
		return new ReviewFlag(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("reason"), AdverseEventGrade.valueOf(rs.getString("grade")), rs.getBoolean("flags_review"),
				rs.getObject("source_event_id", UUID.class), instant(rs, "raised_at"),
				instant(rs, "cleared_at"), rs.getString("cleared_by"), rs.getString("clear_reason"));
	}
}
