package clinic.session.records.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.platform.problems.ConflictException;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;
import clinic.session.monitoring.Breach;
import clinic.session.monitoring.VitalsReading;
import clinic.session.records.Completion;
import clinic.session.records.SessionRecord;
import clinic.session.records.SessionRecords;
import clinic.session.records.SessionStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcSessionRecords implements SessionRecords {

	private static final TypeReference<List<Breach>> BREACHES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcSessionRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void insert(SessionRecord r) {
		jdbc.sql("""
				insert into session_record (id, appointment_id, patient_id, patient_name, status, route, mg_per_kg,
				  opened_by, opened_at, version)
				values (:id, :appointment, :patient, :name, :status, :route, :mgPerKg, :by, :at, :version)""")
			.param("id", r.id())
			.param("appointment", r.appointmentId())
			.param("patient", r.patientId())
			.param("name", r.patientName())
			.param("status", r.status().name())
			.param("route", r.dosePlan().route().name())
			.param("mgPerKg", r.dosePlan().mgPerKg())
			.param("by", r.openedBy())
			.param("at", Timestamp.from(r.openedAt()))
			.param("version", r.version())
			.update();
	}

	@Override
	public void update(SessionRecord r) {
		var c = r.completion();
		int updated = jdbc.sql("""
				update session_record set status = :status, dose_mg = :dose, phq9_total = :phq9, notes = :notes,
				       completed_by = :by, completed_at = :at, version = :version
				where id = :id and version = :previous""")
			.param("id", r.id())
			.param("status", r.status().name())
			.param("dose", c == null ? null : c.doseMg())
			.param("phq9", c == null ? null : c.phq9Total())
			.param("notes", c == null ? null : c.notes())
			.param("by", c == null ? null : c.completedBy())
			.param("at", c == null ? null : Timestamp.from(c.completedAt()))
			.param("version", r.version())
			.param("previous", r.version() - 1)
			.update();
		if (updated != 1) {
			throw new ConflictException("Session record " + r.id() + " was changed by someone else; reload and try again");
		}
	}

	@Override
	public void insert(UUID recordId, VitalsReading v) {
		jdbc.sql("""
				insert into vitals_reading (session_id, taken_at, taken_by, systolic, diastolic, heart_rate, spo2,
				  respiratory_rate, breaches)
				values (:session, :at, :by, :systolic, :diastolic, :hr, :spo2, :rr, cast(:breaches as jsonb))""")
			.param("session", recordId)
			.param("at", Timestamp.from(v.takenAt()))
			.param("by", v.takenBy())
			.param("systolic", v.systolic())
			.param("diastolic", v.diastolic())
			.param("hr", v.heartRate())
			.param("spo2", v.spo2())
			.param("rr", v.respiratoryRate())
			.param("breaches", json.writeValueAsString(v.breaches()))
			.update();
	}

	@Override
	public Optional<SessionRecord> find(UUID id) {
		var vitals = jdbc.sql("select * from vitals_reading where session_id = :id order by taken_at, id")
			.param("id", id)
			.query(this::reading)
			.list();
		return jdbc.sql("select * from session_record where id = :id")
			.param("id", id)
			.query((rs, n) -> record(rs, vitals))
			.optional();
	}

	@Override
	public Map<UUID, UUID> recordIdsByAppointment(Collection<UUID> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select appointment_id, id from session_record where appointment_id in (:appointments)")
			.param("appointments", appointmentIds)
			.query((rs, n) -> Map.entry(rs.getObject("appointment_id", UUID.class), rs.getObject("id", UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private VitalsReading reading(ResultSet rs, int row) throws SQLException {
		return new VitalsReading(rs.getTimestamp("taken_at").toInstant(), rs.getString("taken_by"),
				rs.getInt("systolic"), rs.getInt("diastolic"), rs.getInt("heart_rate"), rs.getInt("spo2"),
				rs.getInt("respiratory_rate"), json.readValue(rs.getString("breaches"), BREACHES));
	}

	private static SessionRecord record(ResultSet rs, List<VitalsReading> vitals) throws SQLException {
		var status = SessionStatus.valueOf(rs.getString("status"));
		var completion = status == SessionStatus.COMPLETED
				? new Completion(rs.getObject("dose_mg", BigDecimal.class), (Integer) rs.getObject("phq9_total"),
						rs.getString("notes"), rs.getString("completed_by"), instant(rs, "completed_at"))
				: null;
		return new SessionRecord(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("patient_name"), status,
				new DosePlan(Route.valueOf(rs.getString("route")), rs.getObject("mg_per_kg", BigDecimal.class)), vitals,
				rs.getString("opened_by"), instant(rs, "opened_at"), completion, rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}
}
