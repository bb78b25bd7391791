package clinic.scheduling.booking.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentCollision;
import clinic.scheduling.booking.AppointmentDetail;
import clinic.scheduling.booking.AppointmentKind;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.Appointments;
import clinic.scheduling.booking.StatusChange;
import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarChanges;

@Repository
class JdbcAppointments implements Appointments {

	private static final String EXCLUSION_VIOLATION = "23P01";

	private static final String DEADLOCK = "40P01";

	private static final String SELECT = """
			select appointment.*, chair.name as chair_name
			from appointment join chair on chair.id = appointment.chair_id""";

	private final JdbcClient jdbc;

	/** Runs the insert in a savepoint, so that a refused insert leaves the booking transaction usable. */
	private final TransactionTemplate savepoint;

	/** The planning calendars kept in memory, told of every appointment written here. */
	private final CalendarChanges changes;

	JdbcAppointments(JdbcClient jdbc, PlatformTransactionManager transactions, CalendarChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** What an insert answers: the appointment's site and the transaction's id, for the kept calendars. */
	private record Inserted(UUID siteId, long transactionId) {
	}

	@Override
	public void insert(Appointment a) {
		Inserted inserted;
		try {
			inserted = savepoint.execute(status -> jdbc.sql("""
					insert into appointment (id, course_id, patient_id, chair_id, kind, sequence, start_at, end_at,
					  status, booked_by, booked_at)
					values (:id, :course, :patient, :chair, :kind, :sequence, :start, :end, :status, :by, :at)
					returning (select site_id from chair where chair.id = appointment.chair_id), txid_current()""")
				.param("id", a.id())
				.param("course", a.courseId())
				.param("patient", a.patientId())
				.param("chair", a.chairId())
				.param("kind", a.kind().name())
				.param("sequence", a.sequence())
				.param("start", timestamp(a.start()))
				.param("end", timestamp(a.end()))
				.param("status", a.status().code())
				.param("by", a.bookedBy())
				.param("at", timestamp(a.bookedAt()))
				.query((rs, row) -> new Inserted(rs.getObject(1, UUID.class), rs.getLong(2)))
				.single());
		}
		catch (DataAccessException e) {
			var collision = collisionOf(e);
			if (collision == null) {
				throw e;
			}
			throw new AppointmentCollision(collision, e);
		}
		changes.added(inserted.siteId(),
				new CalendarAppointment(a.id(), a.courseId(), a.patientId(), null, a.chairId(), a.kind().name(),
						a.sequence(), a.start(), a.end(), a.status().code(), a.onHold()),
				inserted.transactionId());
	}

	@Override
	public Optional<Appointment> find(UUID id) {
		return jdbc.sql(SELECT + " where appointment.id = :id")
			.param("id", id)
			.query(JdbcAppointments::appointment)
			.optional();
	}

	@Override
	public void fulfil(UUID id, Instant at) {
		changes.changed();
		jdbc.sql("update appointment set status = :status, fulfilled_at = :at where id = :id")
			.param("id", id)
			.param("status", AppointmentStatus.FULFILLED.code())
			.param("at", timestamp(at))
			.update();
	}

	@Override
	public List<Appointment> ofCourses(Collection<UUID> courseIds) {
		return jdbc.sql(SELECT + " where appointment.course_id in (:courses) order by course_id, sequence, start_at")
			.param("courses", courseIds)
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public int countBooked(UUID courseId) {
		return jdbc.sql("select count(*) from appointment where course_id = :course and status <> 'cancelled'")
			.param("course", courseId)
			.query(Integer.class)
			.single();
	}

	@Override
	public int countFulfilled(UUID courseId) {
		return jdbc.sql("select count(*) from appointment where course_id = :course and status = 'fulfilled'")
			.param("course", courseId)
			.query(Integer.class)
			.single();
	}

	@Override
	public List<Appointment> overlappingInChair(UUID chairId, Instant start, Instant end) {
		return overlapping("appointment.chair_id", chairId, start, end);
	}

	@Override
	public List<Appointment> overlappingOfPatient(UUID patientId, Instant start, Instant end) {
		return overlapping("appointment.patient_id", patientId, start, end);
	}

	private List<Appointment> overlapping(String column, UUID id, Instant start, Instant end) {
		return jdbc.sql(SELECT + " where " + column + """
				 = :id and appointment.status <> 'cancelled'
				  and tstzrange(appointment.start_at, appointment.end_at)
				      && tstzrange(cast(:start as timestamptz), cast(:end as timestamptz))
				order by appointment.start_at""")
			.param("id", id)
			.param("start", timestamp(start))
			.param("end", timestamp(end))
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public void changeStatus(UUID id, AppointmentStatus to, @Nullable String cancellationReason) {
		changes.changed();
		jdbc.sql("""
				update appointment set status = :status,
				  cancellation_reason = case when :status = 'cancelled' then :reason else cancellation_reason end
				where id = :id""")
			.param("id", id)
			.param("status", to.code())
			.param("reason", cancellationReason, Types.VARCHAR)
			.update();
	}

	@Override
	public boolean hasBookedAfter(UUID courseId, Instant after) {
		return jdbc.sql("""
				select exists (select 1 from appointment
				  where course_id = :course and status = 'booked' and start_at > :after)""")
			.param("course", courseId)
			.param("after", timestamp(after))
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<Appointment> bookedStartedBefore(Instant before) {
		return jdbc.sql(SELECT + """
				 where appointment.status = 'booked' and not appointment.on_hold and appointment.start_at < :before
				order by appointment.start_at""")
			.param("before", timestamp(before))
			.query(JdbcAppointments::appointment)
			.list();
	}

	@Override
	public List<UUID> holdFuture(UUID courseId, Instant after) {
		changes.changed();
		return jdbc.sql("""
				update appointment set on_hold = true
				where course_id = :course and status = 'booked' and start_at > :after and not on_hold
				returning id""")
			.param("course", courseId)
			.param("after", timestamp(after))
			.query(UUID.class)
			.list();
	}

	@Override
	public int releaseHolds(UUID courseId) {
		changes.changed();
		return jdbc.sql("update appointment set on_hold = false where course_id = :course and on_hold")
			.param("course", courseId)
			.update();
	}

	@Override
	public void linkRescheduled(UUID id, UUID rescheduledFrom) {
		changes.changed();
		jdbc.sql("update appointment set rescheduled_from = :from where id = :id")
			.param("id", id)
			.param("from", rescheduledFrom)
			.update();
	}

	@Override
	public boolean hasArrivalBy(UUID id, String by) {
		return jdbc.sql("""
				select exists (select 1 from appointment_history
				  where appointment_id = :id and changed_by = :by and to_status in ('arrived', 'checked-in'))""")
			.param("id", id)
			.param("by", by)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void recordChange(StatusChange c) {
		jdbc.sql("""
				insert into appointment_history (appointment_id, from_status, to_status, reason, changed_by, changed_at)
				values (:appointment, :from, :to, :reason, :by, :at)""")
			.param("appointment", c.appointmentId())
			.param("from", c.from() == null ? null : c.from().code(), Types.VARCHAR)
			.param("to", c.to().code())
			.param("reason", c.reason(), Types.VARCHAR)
			.param("by", c.by())
			.param("at", timestamp(c.at()))
			.update();
	}

	@Override
	public Optional<AppointmentDetail> detail(UUID id) {
		var history = jdbc.sql("select * from appointment_history where appointment_id = :id order by id")
			.param("id", id)
			.query(JdbcAppointments::change)
			.list();
		return jdbc.sql(SELECT + " where appointment.id = :id")
			.param("id", id)
			.query((rs, row) -> new AppointmentDetail(appointment(rs, row), rs.getString("cancellation_reason"),
					rs.getObject("rescheduled_from", UUID.class), history))
			.optional();
	}

	private static StatusChange change(ResultSet rs, int row) throws SQLException {
		var from = rs.getString("from_status");
		return new StatusChange(rs.getObject("appointment_id", UUID.class),
				from == null ? null : AppointmentStatus.ofCode(from), AppointmentStatus.ofCode(rs.getString("to_status")),
				rs.getString("reason"), rs.getString("changed_by"), instant(rs, "changed_at"));
	}

	/** Which rule refused the insert, read from the constraint PostgreSQL names; null when it was not a collision. */
	private static AppointmentCollision.@Nullable With collisionOf(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof PSQLException psql) {
				if (DEADLOCK.equals(psql.getSQLState())) {
					return AppointmentCollision.With.BOOKING_IN_PROGRESS;
				}
				if (!EXCLUSION_VIOLATION.equals(psql.getSQLState())) {
					return null;
				}
				var constraint = psql.getServerErrorMessage() == null ? null
						: psql.getServerErrorMessage().getConstraint();
				if ("appointment_chair_no_overlap".equals(constraint)) {
					return AppointmentCollision.With.CHAIR;
				}
				if ("appointment_patient_no_overlap".equals(constraint)) {
					return AppointmentCollision.With.PATIENT;
				}
				if ("appointment_patient_consultation_no_overlap".equals(constraint)) {
					return AppointmentCollision.With.CONSULTATION;
				}
				if ("appointment_chair_held".equals(constraint)) {
					return AppointmentCollision.With.HELD_CHAIR;
				}
				if ("appointment_patient_held".equals(constraint)) {
					return AppointmentCollision.With.HELD_PATIENT;
				}
				return AppointmentCollision.With.BOOKING_IN_PROGRESS;
			}
		}
		return null;
	}

	private static Appointment appointment(ResultSet rs, int row) throws SQLException {
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("chair_id", UUID.class), rs.getString("chair_name"),
				AppointmentKind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
				instant(rs, "start_at"), instant(rs, "end_at"),
				AppointmentStatus.ofCode(rs.getString("status")), rs.getString("booked_by"),
				instant(rs, "booked_at"), rs.getBoolean("on_hold"));
	}
}
