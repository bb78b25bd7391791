package clinic.scheduling.courses.persistence;

import static clinic.platform.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.platform.jdbc.OptimisticLock;
import clinic.platform.jdbc.RecordParameters;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseSearch;
import clinic.scheduling.courses.CourseStatus;
import clinic.scheduling.courses.Courses;

@Repository
class JdbcCourses implements Courses {

	private final JdbcClient jdbc;

	JdbcCourses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Course c) {
		jdbc.sql("""
				insert into course (id, patient_id, patient_name, status, planned_infusions, completed_infusions,
				  version, created_at, pause_reason, cancellation_reason)
				values (:id, :patientId, :patientName, :status, :plannedInfusions, :completedInfusions, :version,
				  :createdAt, :pauseReason, :cancellationReason)""")
			.paramSource(RecordParameters.of(c))
			.update();
	}

	@Override
	public void update(Course c) {
		int updated = jdbc.sql("""
				update course set patient_name = :patientName, status = :status, planned_infusions = :plannedInfusions,
				       completed_infusions = :completedInfusions, version = :version,
				       pause_reason = :pauseReason, cancellation_reason = :cancellationReason
				where id = :id and version = :previous""")
			.paramSource(RecordParameters.of(c).with("previous", c.version() - 1))
			.update();
		OptimisticLock.requireOneUpdated(updated, "Course " + c.id());
	}

	@Override
	public Optional<Course> find(UUID id) {
		return jdbc.sql("select * from course where id = :id").param("id", id).query(JdbcCourses::course).optional();
	}

	@Override
	public Optional<Course> findForUpdate(UUID id) {
		return jdbc.sql("select * from course where id = :id for update")
			.param("id", id)
			.query(JdbcCourses::course)
			.optional();
	}

	@Override
	public Optional<Course> openOf(UUID patientId) {
		return jdbc.sql("select * from course where patient_id = :patient and status in ('TO_PLAN', 'ACTIVE')")
			.param("patient", patientId)
			.query(JdbcCourses::course)
			.optional();
	}

	@Override
	public Optional<Course> unfinishedOf(UUID patientId) {
		return jdbc.sql("select * from course where patient_id = :patient and status in ('TO_PLAN', 'ACTIVE', 'PAUSED')")
			.param("patient", patientId)
			.query(JdbcCourses::course)
			.optional();
	}

	@Override
	public List<Course> ofPatientForUpdate(UUID patientId) {
		return jdbc.sql("select * from course where patient_id = :patient order by created_at, id for update")
			.param("patient", patientId)
			.query(JdbcCourses::course)
			.list();
	}

	@Override
	public boolean hasUnfinished(UUID patientId) {
		return jdbc.sql("""
				select count(*) from course where patient_id = :patient and status in ('TO_PLAN', 'ACTIVE', 'PAUSED')""")
			.param("patient", patientId)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public List<Course> ofPatient(UUID patientId) {
		return jdbc.sql("select * from course where patient_id = :patient order by created_at, id")
			.param("patient", patientId)
			.query(JdbcCourses::course)
			.list();
	}

	@Override
	public List<Course> all(CourseStatus status) {
		if (status == null) {
			return jdbc.sql("select * from course order by created_at, id").query(JdbcCourses::course).list();
		}
		return jdbc.sql("select * from course where status = :status order by created_at, id")
			.param("status", status.name())
			.query(JdbcCourses::course)
			.list();
	}

	/**
	 * Accented Latin letters and what they fold to ({@link CourseSearch#fold}), for SQL's translate(): the name is
	 * folded in the query as the words were in Java, without an extension such as unaccent.
	 */
	private static final String[] FOLDING = folding();

	private static String[] folding() {
		var from = new StringBuilder();
		var to = new StringBuilder();
		for (char c = '\u00C0'; c <= '\u017F'; c++) {
			var folded = CourseSearch.fold(String.valueOf(c));
			if (folded.length() == 1 && folded.charAt(0) < 128 && Character.isLetter(c)) {
				from.append(c);
				to.append(folded);
			}
		}
		return new String[] { from.toString(), to.toString() };
	}

	@Override
	public CourseSearch.Page search(CourseSearch search) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (!search.statuses().isEmpty()) {
			where.add("status in (:statuses)");
			params.put("statuses", search.statuses().stream().map(Enum::name).toList());
		}
		for (int i = 0; i < search.words().size(); i++) {
			where.add("position(:w" + i + " in lower(translate(patient_name, :foldFrom, :foldTo))) > 0");
			params.put("w" + i, search.words().get(i));
		}
		if (!search.words().isEmpty()) {
			params.put("foldFrom", FOLDING[0]);
			params.put("foldTo", FOLDING[1]);
		}
		var filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		var total = jdbc.sql("select count(*) from course" + filter).params(params).query(Integer.class).single();
		var page = " order by created_at, id offset :offset" + (search.limit() == null ? "" : " limit :limit");
		params.put("offset", search.offset());
		if (search.limit() != null) {
			params.put("limit", search.limit());
		}
		var found = jdbc.sql("select * from course" + filter + page).params(params).query(JdbcCourses::course).list();
		return new CourseSearch.Page(found, total);
	}

	private static Course course(ResultSet rs, int row) throws SQLException {
		return new Course(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("patient_name"), CourseStatus.valueOf(rs.getString("status")),
				rs.getInt("planned_infusions"), rs.getInt("completed_infusions"), rs.getLong("version"),
				instant(rs, "created_at"), rs.getString("pause_reason"),
				rs.getString("cancellation_reason"));
	}
}
