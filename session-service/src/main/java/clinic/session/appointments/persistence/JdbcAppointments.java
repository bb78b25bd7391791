package clinic.session.appointments.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.Appointments;
import clinic.session.appointments.BookedAppointment;

@Repository
class JdbcAppointments implements Appointments {

	/** Still booked: neither cancelled (or moved) nor marked no-show. */
	private static final String LIVE = "cancelled_at is null and no_show_at is null";

	/** The appointment's date in its site's zone is :date, or (no date asked) the date :now has there. */
	private static final String ON_THE_DAY = """
			time_zone is not null and (cast(:site as uuid) is null or site_id = :site)
			and (starts_at at time zone time_zone)::date
			    = coalesce(cast(:date as date), (cast(:now as timestamptz) at time zone time_zone)::date)""";

	private final JdbcClient jdbc;

	JdbcAppointments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfNewer(BookedAppointment a) {
		var place = a.place();
		return jdbc.sql("""
				insert into booked_appointment (appointment_id, patient_id, patient_name, course_id, site_id, site_name,
				  time_zone, chair_id, chair_name, kind, sequence, course_infusions, starts_at, ends_at,
				  aggregate_version)
				values (:id, :patient, :name, :course, :site, :siteName, :zone, :chair, :chairName, :kind, :sequence,
				  :infusions, :start, :end, :version)
				on conflict (appointment_id) do update
				  set patient_id = excluded.patient_id, patient_name = excluded.patient_name,
				      course_id = excluded.course_id, site_id = excluded.site_id, site_name = excluded.site_name,
				      time_zone = excluded.time_zone, chair_id = excluded.chair_id, chair_name = excluded.chair_name,
				      kind = excluded.kind, sequence = excluded.sequence, course_infusions = excluded.course_infusions,
				      starts_at = excluded.starts_at, ends_at = excluded.ends_at,
				      aggregate_version = excluded.aggregate_version
				  where booked_appointment.aggregate_version < excluded.aggregate_version""")
			.param("id", a.appointmentId())
			.param("patient", a.patientId())
			.param("name", a.patientName(), Types.VARCHAR)
			.param("course", a.courseId())
			.param("site", place == null ? null : place.siteId(), Types.OTHER)
			.param("siteName", place == null ? null : place.siteName(), Types.VARCHAR)
			.param("zone", place == null ? null : place.timeZone().getId(), Types.VARCHAR)
			.param("chair", place == null ? null : place.chairId(), Types.OTHER)
			.param("chairName", a.chairName())
			.param("kind", a.kind().name())
			.param("sequence", a.sequence())
			.param("infusions", a.courseInfusions(), Types.INTEGER)
			.param("start", timestamp(a.start()))
			.param("end", timestamp(a.end()))
			.param("version", a.aggregateVersion())
			.update() == 1;
	}

	@Override
	public Optional<BookedAppointment> find(UUID appointmentId) {
		return jdbc.sql("select * from booked_appointment where appointment_id = :id and " + LIVE)
			.param("id", appointmentId)
			.query(JdbcAppointments::appointment)
			.optional();
	}

	@Override
	public Optional<BookedAppointment> findForUpdate(UUID appointmentId) {
		return jdbc.sql("select * from booked_appointment where appointment_id = :id and " + LIVE + " for update")
			.param("id", appointmentId)
			.query(JdbcAppointments::appointment)
			.optional();
	}

	@Override
	public Optional<AppointmentState> state(UUID appointmentId) {
		return jdbc.sql("""
				select case when cancelled_at is not null then 'CANCELLED' when no_show_at is not null then 'NO_SHOW'
				            else 'BOOKED' end
				from booked_appointment where appointment_id = :id""")
			.param("id", appointmentId)
			.query(String.class)
			.optional()
			.map(AppointmentState::valueOf);
	}

	@Override
	public boolean cancelIfNewer(UUID appointmentId, long aggregateVersion, Instant at) {
		return jdbc.sql("""
				update booked_appointment set cancelled_at = :at, aggregate_version = :version
				where appointment_id = :id and cancelled_at is null and aggregate_version < :version""")
			.param("id", appointmentId)
			.param("version", aggregateVersion)
			.param("at", timestamp(at))
			.update() == 1;
	}

	@Override
	public void keepChangeAhead(UUID appointmentId, AppointmentState change, long aggregateVersion, Instant at) {
		jdbc.sql("""
				insert into appointment_change_ahead (appointment_id, change, aggregate_version, changed_at)
				values (:id, :change, :version, :at)
				on conflict (appointment_id) do update
				  set change = excluded.change, aggregate_version = excluded.aggregate_version,
				      changed_at = excluded.changed_at
				  where appointment_change_ahead.aggregate_version < excluded.aggregate_version""")
			.param("id", appointmentId)
			.param("change", change.name())
			.param("version", aggregateVersion)
			.param("at", timestamp(at))
			.update();
	}

	@Override
	public Optional<ChangeAhead> changeAhead(UUID appointmentId) {
		return jdbc.sql("""
				select change, aggregate_version, changed_at from appointment_change_ahead
				where appointment_id = :id""")
			.param("id", appointmentId)
			.query((rs, row) -> new ChangeAhead(AppointmentState.valueOf(rs.getString("change")),
					rs.getLong("aggregate_version"), instant(rs, "changed_at")))
			.optional();
	}

	@Override
	public boolean noShowIfNewer(UUID appointmentId, long aggregateVersion, Instant at) {
		return jdbc.sql("update booked_appointment set no_show_at = :at, aggregate_version = :version "
				+ "where appointment_id = :id and " + LIVE + " and aggregate_version < :version")
			.param("id", appointmentId)
			.param("version", aggregateVersion)
			.param("at", timestamp(at))
			.update() == 1;
	}

	@Override
	public List<BookedAppointment> ofCourse(UUID courseId) {
		return jdbc.sql("select * from booked_appointment where course_id = :course and " + LIVE
				+ " order by starts_at, appointment_id")
			.param("course", courseId)
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public List<BookedAppointment> ofPatient(UUID patientId) {
		return jdbc.sql("select * from booked_appointment where patient_id = :patient and " + LIVE
				+ " order by starts_at, appointment_id")
			.param("patient", patientId)
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public List<BookedAppointment> ofDay(@Nullable UUID siteId, @Nullable LocalDate date, Instant now, int offset,
			int limit) {
		return jdbc.sql("select * from booked_appointment where " + LIVE + " and " + ON_THE_DAY
				+ " order by starts_at, chair_name, appointment_id offset :offset limit :limit")
			.param("site", siteId, Types.OTHER)
			.param("date", date, Types.DATE)
			.param("now", timestamp(now))
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public long countOfDay(@Nullable UUID siteId, @Nullable LocalDate date, Instant now) {
		return jdbc.sql("select count(*) from booked_appointment where " + LIVE + " and " + ON_THE_DAY)
			.param("site", siteId, Types.OTHER)
			.param("date", date, Types.DATE)
			.param("now", timestamp(now))
			.query(Long.class)
			.single();
	}

	private static BookedAppointment appointment(ResultSet rs, int row) throws SQLException {
		var zone = rs.getString("time_zone");
		var place = zone == null ? null
				: new BookedAppointment.Place(rs.getObject("site_id", UUID.class), rs.getString("site_name"),
						ZoneId.of(zone), rs.getObject("chair_id", UUID.class));
		return new BookedAppointment(rs.getObject("appointment_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("patient_name"), rs.getObject("course_id", UUID.class), place, rs.getString("chair_name"),
				AppointmentKind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
				rs.getObject("course_infusions", Integer.class), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getLong("aggregate_version"));
	}
}
