package clinic.scheduling.agenda.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.agenda.Agenda;
import clinic.scheduling.agenda.Visit;
import clinic.scheduling.agenda.VisitCriteria;
import clinic.scheduling.booking.AppointmentStatus;

/** The agenda as one view over appointments (in a chair, at the chair's site) and consultations. */
@Repository
class JdbcAgenda implements Agenda {

	private static final String VISITS = """
			(select a.id, a.kind, a.patient_id, c.site_id, a.chair_id, null::uuid as room_id, null as clinician,
			   a.start_at, a.end_at, a.status
			 from appointment a join chair c on c.id = a.chair_id
			 union all
			 select k.id, 'CONSULTATION', k.patient_id, k.site_id, null::uuid, k.room_id, k.clinician,
			   k.start_at, k.end_at, k.status
			 from consultation k) v""";

	private static final String MATCHING = """
			where (cast(:patient as uuid) is null or v.patient_id = :patient)
			  and (cast(:from as timestamptz) is null or v.start_at >= :from)
			  and (cast(:before as timestamptz) is null or v.start_at < :before)
			  and (:anyStatus or v.status in (:statuses))""";

	private final JdbcClient jdbc;

	JdbcAgenda(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Visit> find(UUID id) {
		return jdbc.sql("select * from " + VISITS + " where v.id = ?").param(id).query(JdbcAgenda::visit).optional();
	}

	@Override
	public Found search(VisitCriteria criteria, int offset, int limit) {
		var statuses = criteria.statuses().stream().map(AppointmentStatus::code).toList();
		var total = bind(jdbc.sql("select count(*) from " + VISITS + " " + MATCHING), criteria, statuses)
			.query(Long.class)
			.single();
		var items = bind(jdbc.sql("select * from " + VISITS + " " + MATCHING
				+ " order by v.start_at, v.id offset :offset limit :limit"), criteria, statuses)
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcAgenda::visit)
			.list();
		return new Found(items, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, VisitCriteria criteria,
			List<String> statuses) {
		return statement.param("patient", criteria.patientId())
			.param("from", timestamp(criteria.startsFrom()))
			.param("before", timestamp(criteria.startsBefore()))
			.param("anyStatus", statuses.isEmpty())
			// an empty IN list is no SQL: a status no row has stands in when any status will do
			.param("statuses", statuses.isEmpty() ? List.of("-") : statuses);
	}

	private static Visit visit(ResultSet rs, int row) throws SQLException {
		return new Visit(rs.getObject("id", UUID.class), Visit.Kind.valueOf(rs.getString("kind")),
				rs.getObject("patient_id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getObject("chair_id", UUID.class), rs.getObject("room_id", UUID.class), rs.getString("clinician"),
				instant(rs, "start_at"), instant(rs, "end_at"),
				AppointmentStatus.ofCode(rs.getString("status")));
	}
}
