package clinic.intake.reminders.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.reminders.AppointmentState;
import clinic.intake.reminders.BookedAppointment;
import clinic.intake.reminders.Channel;
import clinic.intake.reminders.ChannelConsent;
import clinic.intake.reminders.CourseState;
import clinic.intake.reminders.Delivery;
import clinic.intake.reminders.Reminder;
import clinic.intake.reminders.ReminderKind;
import clinic.intake.reminders.ReminderTemplate;
import clinic.intake.reminders.Reminders;

@Repository
class JdbcReminders implements Reminders {

	private final JdbcClient jdbc;

	JdbcReminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> emailOf(UUID patientId) {
		return jdbc.sql("select email from patient_contact where patient_id = :patient")
			.param("patient", patientId)
			.query((rs, n) -> Optional.ofNullable(rs.getString("email")))
			.optional()
			.flatMap(e -> e);
	}

	@Override
	public void saveEmail(UUID patientId, @Nullable String email, String by, Instant at) {
		jdbc.sql("""
				insert into patient_contact (patient_id, email, updated_by, updated_at) values (:patient, :email, :by, :at)
				on conflict (patient_id) do update set email = excluded.email, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at
				where patient_contact.email is distinct from excluded.email""")
			.param("patient", patientId)
			.param("email", email)
			.param("by", by)
			.param("at", timestamp(at))
			.update();
	}

	@Override
	public List<ChannelConsent> consentsOf(UUID patientId) {
		return jdbc.sql("select * from patient_channel_consent where patient_id = :patient order by channel")
			.param("patient", patientId)
			.query((rs, n) -> new ChannelConsent(Channel.valueOf(rs.getString("channel")), rs.getBoolean("granted"),
					rs.getString("recorded_by"), instant(rs, "recorded_at")))
			.list();
	}

	@Override
	public void saveConsent(UUID patientId, ChannelConsent consent) {
		jdbc.sql("""
				insert into patient_channel_consent (patient_id, channel, granted, recorded_by, recorded_at)
				values (:patient, :channel, :granted, :by, :at)
				on conflict (patient_id, channel) do update set granted = excluded.granted,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
			.param("patient", patientId)
			.param("channel", consent.channel().name())
			.param("granted", consent.granted())
			.param("by", consent.recordedBy())
			.param("at", timestamp(consent.recordedAt()))
			.update();
	}

	@Override
	public Optional<CourseState> courseState(UUID courseId) {
		return jdbc.sql("select status from reminder_course where course_id = :course")
			.param("course", courseId)
			.query((rs, n) -> CourseState.valueOf(rs.getString("status")))
			.optional();
	}

	@Override
	public boolean saveCourseIfNewer(UUID courseId, UUID patientId, CourseState state, long version) {
		return jdbc.sql("""
				insert into reminder_course (course_id, patient_id, status, version)
				values (:course, :patient, :status, :version)
				on conflict (course_id) do update set status = excluded.status, version = excluded.version
				where reminder_course.version < excluded.version""")
			.param("course", courseId)
			.param("patient", patientId)
			.param("status", state.name())
			.param("version", version)
			.update() == 1;
	}

	@Override
	public Optional<BookedAppointment> appointment(UUID appointmentId) {
		return jdbc.sql("select * from reminder_appointment where appointment_id = :id")
			.param("id", appointmentId)
			.query(JdbcReminders::appointment)
			.optional();
	}

	@Override
	public void saveAppointment(BookedAppointment a) {
		jdbc.sql("""
				insert into reminder_appointment (appointment_id, patient_id, course_id, state, kind, sequence,
				  course_infusions, start_at, site_id, site_name, time_zone, chair_name)
				values (:id, :patient, :course, :state, :kind, :sequence, :infusions, :start, :site, :siteName, :zone,
				  :chair)
				on conflict (appointment_id) do update set
				  course_id = coalesce(excluded.course_id, reminder_appointment.course_id),
				  state = case when reminder_appointment.state = 'BOOKED' then excluded.state
				               else reminder_appointment.state end,
				  kind = coalesce(excluded.kind, reminder_appointment.kind),
				  sequence = coalesce(excluded.sequence, reminder_appointment.sequence),
				  course_infusions = coalesce(excluded.course_infusions, reminder_appointment.course_infusions),
				  start_at = coalesce(excluded.start_at, reminder_appointment.start_at),
				  site_id = coalesce(excluded.site_id, reminder_appointment.site_id),
				  site_name = coalesce(excluded.site_name, reminder_appointment.site_name),
				  time_zone = coalesce(excluded.time_zone, reminder_appointment.time_zone),
				  chair_name = coalesce(excluded.chair_name, reminder_appointment.chair_name)""")
			.param("id", a.appointmentId())
			.param("patient", a.patientId())
			.param("course", a.courseId())
			.param("state", a.state().name())
			.param("kind", a.kind())
			.param("sequence", a.sequence())
			.param("infusions", a.courseInfusions())
			.param("start", timestamp(a.start()))
			.param("site", a.siteId())
			.param("siteName", a.siteName())
			.param("zone", a.timeZone())
			.param("chair", a.chairName())
			.update();
	}

	@Override
	public List<BookedAppointment> bookedOf(UUID courseId) {
		return jdbc.sql("""
				select * from reminder_appointment where course_id = :course and state = 'BOOKED'
				order by start_at nulls last, sequence""")
			.param("course", courseId)
			.query(JdbcReminders::appointment)
			.list();
	}

	@Override
	public boolean plan(Reminder r, Instant at) {
		// the partial unique indexes keep one live reminder per appointment and one confirmation per course
		return jdbc.sql("""
				insert into reminder (id, patient_id, kind, course_id, appointment_id, due_at, status, created_at)
				values (:id, :patient, :kind, :course, :appointment, :due, 'PENDING', :at)
				on conflict do nothing""")
			.param("id", r.id())
			.param("patient", r.patientId())
			.param("kind", r.kind().name())
			.param("course", r.courseId())
			.param("appointment", r.appointmentId())
			.param("due", timestamp(r.dueAt()))
			.param("at", timestamp(at))
			.update() == 1;
	}

	@Override
	public int cancelPending(@Nullable UUID courseId, Collection<UUID> appointmentIds, String reason, Instant at) {
		var cancelled = 0;
		if (courseId != null) {
			cancelled += jdbc.sql("""
					update reminder set status = 'CANCELLED', closed_at = :at, close_reason = :reason
					where status = 'PENDING' and course_id = :course""")
				.param("course", courseId)
				.param("reason", reason)
				.param("at", timestamp(at))
				.update();
		}
		if (!appointmentIds.isEmpty()) {
			cancelled += jdbc.sql("""
					update reminder set status = 'CANCELLED', closed_at = :at, close_reason = :reason
					where status = 'PENDING' and appointment_id in (:appointments)""")
				.param("appointments", List.copyOf(appointmentIds))
				.param("reason", reason)
				.param("at", timestamp(at))
				.update();
		}
		return cancelled;
	}

	@Override
	public List<Reminder> claimDue(Instant now, Instant staleBefore, int limit) {
		jdbc.sql("""
				update reminder r set status = 'CANCELLED', closed_at = :now, close_reason = 'no longer due'
				where r.status = 'PENDING' and r.due_at <= :now
				  and (exists (select 1 from reminder_course c
				               where c.course_id = r.course_id and c.status in ('PAUSED', 'CANCELLED'))
				       or (r.kind = 'APPOINTMENT' and not exists (select 1 from reminder_appointment a
				               where a.appointment_id = r.appointment_id and a.state = 'BOOKED'
				                 and a.start_at > :now)))""")
			.param("now", timestamp(now))
			.update();
		return jdbc.sql("""
				update reminder set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
				where id in (select id from reminder
				             where (status = 'PENDING' and due_at <= :now)
				                or (status = 'SENDING' and claimed_at < :stale)
				             order by due_at
				             limit :limit
				             for update skip locked)
				returning *""")
			.param("now", timestamp(now))
			.param("stale", timestamp(staleBefore))
			.param("limit", limit)
			.query(JdbcReminders::reminder)
			.list();
	}

	@Override
	public void finish(UUID reminderId, Instant at, String reason) {
		jdbc.sql("update reminder set status = 'DONE', closed_at = :at, close_reason = :reason where id = :id")
			.param("id", reminderId)
			.param("at", timestamp(at))
			.param("reason", reason)
			.update();
	}

	@Override
	public void retryAt(UUID reminderId, Instant dueAt) {
		jdbc.sql("update reminder set status = 'PENDING', due_at = :due, claimed_at = null where id = :id")
			.param("id", reminderId)
			.param("due", timestamp(dueAt))
			.update();
	}

	@Override
	public List<Reminder> remindersOf(UUID patientId) {
		return jdbc.sql("select * from reminder where patient_id = :patient order by due_at, kind")
			.param("patient", patientId)
			.query(JdbcReminders::reminder)
			.list();
	}

	@Override
	public Optional<Delivery> delivery(UUID reminderId, Channel channel) {
		return jdbc.sql("select * from reminder_delivery where reminder_id = :id and channel = :channel")
			.param("id", reminderId)
			.param("channel", channel.name())
			.query(JdbcReminders::delivery)
			.optional();
	}

	@Override
	public List<Delivery> deliveriesOf(UUID reminderId) {
		return jdbc.sql("select * from reminder_delivery where reminder_id = :id order by channel")
			.param("id", reminderId)
			.query(JdbcReminders::delivery)
			.list();
	}

	@Override
	public void saveDelivery(UUID reminderId, Channel channel, Delivery.Outcome outcome, @Nullable String address,
			@Nullable String detail, Instant at) {
		jdbc.sql("""
				insert into reminder_delivery (reminder_id, channel, outcome, address, attempts, detail, updated_at)
				values (:id, :channel, :outcome, :address, case when :outcome = 'SENDING' then 1 else 0 end, :detail,
				  :at)
				on conflict (reminder_id, channel) do update set outcome = excluded.outcome,
				  address = coalesce(excluded.address, reminder_delivery.address),
				  attempts = reminder_delivery.attempts + excluded.attempts, detail = excluded.detail,
				  updated_at = excluded.updated_at""")
			.param("id", reminderId)
			.param("channel", channel.name())
			.param("outcome", outcome.name())
			.param("address", address)
			.param("detail", detail)
			.param("at", timestamp(at))
			.update();
	}

	@Override
	public Optional<ReminderTemplate> template(@Nullable UUID siteId, ReminderKind kind, Channel channel) {
		return jdbc.sql("""
				select * from reminder_template
				where kind = :kind and channel = :channel and (site_id is null or site_id = :site)
				order by site_id nulls last limit 1""")
			.param("kind", kind.name())
			.param("channel", channel.name())
			.param("site", siteId)
			.query(JdbcReminders::template)
			.optional();
	}

	@Override
	public List<ReminderTemplate> templates() {
		return jdbc.sql("select * from reminder_template order by site_id nulls first, kind, channel")
			.query(JdbcReminders::template)
			.list();
	}

	@Override
	public void saveTemplate(ReminderTemplate t) {
		jdbc.sql("""
				insert into reminder_template (id, site_id, kind, channel, subject, body, updated_by, updated_at)
				values (:id, :site, :kind, :channel, :subject, :body, :by, :at)
				on conflict (coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, channel)
				do update set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at""")
			.param("id", UUID.randomUUID())
			.param("site", t.siteId())
			.param("kind", t.kind().name())
			.param("channel", t.channel().name())
			.param("subject", t.subject())
			.param("body", t.body())
			.param("by", t.updatedBy())
			.param("at", timestamp(t.updatedAt()))
			.update();
	}

	private static BookedAppointment appointment(ResultSet rs, int n) throws SQLException {
		return new BookedAppointment(rs.getObject("appointment_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("course_id", UUID.class), AppointmentState.valueOf(rs.getString("state")),
				rs.getString("kind"), (Integer) rs.getObject("sequence"), (Integer) rs.getObject("course_infusions"),
				instant(rs, "start_at"), rs.getObject("site_id", UUID.class), rs.getString("site_name"),
				rs.getString("time_zone"), rs.getString("chair_name"));
	}

	private static Reminder reminder(ResultSet rs, int n) throws SQLException {
		return new Reminder(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				ReminderKind.valueOf(rs.getString("kind")), rs.getObject("course_id", UUID.class),
				rs.getObject("appointment_id", UUID.class), instant(rs, "due_at"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("close_reason"));
	}

	private static Delivery delivery(ResultSet rs, int n) throws SQLException {
		return new Delivery(rs.getObject("reminder_id", UUID.class), Channel.valueOf(rs.getString("channel")),
				Delivery.Outcome.valueOf(rs.getString("outcome")), rs.getString("address"), rs.getInt("attempts"),
				rs.getString("detail"), instant(rs, "updated_at"));
	}

	private static ReminderTemplate template(ResultSet rs, int n) throws SQLException {
		return new ReminderTemplate(rs.getObject("site_id", UUID.class), ReminderKind.valueOf(rs.getString("kind")),
				Channel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("body"),
				rs.getString("updated_by"), instant(rs, "updated_at"));
	}
}
