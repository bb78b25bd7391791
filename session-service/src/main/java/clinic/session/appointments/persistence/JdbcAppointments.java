package clinic.session.appointments.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.Appointments;
import clinic.session.appointments.BookedAppointment;

@Repository
class JdbcAppointments implements Appointments {

	private final JdbcClient jdbc;

	JdbcAppointments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfNewer(BookedAppointment a) {
		return jdbc.sql("""
				insert into booked_appointment (appointment_id, patient_id, patient_name, course_id, chair_name, kind,
				  sequence, starts_at, ends_at, aggregate_version)
				values (:id, :patient, :name, :course, :chair, :kind, :sequence, :start, :end, :version)
				on conflict (appointment_id) do update
				  set patient_id = excluded.patient_id, patient_name = excluded.patient_name,
				      course_id = excluded.course_id, chair_name = excluded.chair_name, kind = excluded.kind,
				      sequence = excluded.sequence, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
				      aggregate_version = excluded.aggregate_version
				  where booked_appointment.aggregate_version < excluded.aggregate_version""")
			.param("id", a.appointmentId())
			.param("patient", a.patientId())
			.param("name", a.patientName())
			.param("course", a.courseId())
			.param("chair", a.chairName())
			.param("kind", a.kind().name())
			.param("sequence", a.sequence())
			.param("start", Timestamp.from(a.start()))
			.param("end", Timestamp.from(a.end()))
			.param("version", a.aggregateVersion())
			.update() == 1;
	}

	@Override
	public Optional<BookedAppointment> find(UUID appointmentId) {
		return jdbc.sql("select * from booked_appointment where appointment_id = :id and cancelled_at is null")
			.param("id", appointmentId)
			.query(JdbcAppointments::appointment)
			.optional();
	}

	@Override
	public Optional<BookedAppointment> findForUpdate(UUID appointmentId) {
		return jdbc.sql("""
				select * from booked_appointment where appointment_id = :id and cancelled_at is null
				for update""")
			.param("id", appointmentId)
			.query(JdbcAppointments::appointment)
			.optional();
	}

	@Override
	public boolean cancelIfNewer(UUID appointmentId, long aggregateVersion, Instant at) {
		return jdbc.sql("""
				update booked_appointment set cancelled_at = :at, aggregate_version = :version
				where appointment_id = :id and cancelled_at is null and aggregate_version < :version""")
			.param("id", appointmentId)
			.param("version", aggregateVersion)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	@Override
	public List<BookedAppointment> all(int limit) {
		return jdbc.sql("""
				select * from booked_appointment where cancelled_at is null
				order by starts_at, appointment_id limit :limit""")
			.param("limit", limit)
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public List<BookedAppointment> ofPatient(UUID patientId) {
		return jdbc.sql("""
				select * from booked_appointment where patient_id = :patient and cancelled_at is null
				order by starts_at, appointment_id""")
			.param("patient", patientId)
			.query(JdbcAppointments::appointment)
			.list();
	}

	private static BookedAppointment appointment(ResultSet rs, int row) throws SQLException {
		return new BookedAppointment(rs.getObject("appointment_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("patient_name"), rs.getObject("course_id", UUID.class), rs.getString("chair_name"),
				AppointmentKind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getLong("aggregate_version"));
	}
}
