package clinic.scheduling.calendar.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.calendar.Absence;
import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarChair;
import clinic.scheduling.calendar.RotaEntry;
import clinic.scheduling.calendar.SiteCalendars;
import clinic.scheduling.calendar.StaffShift;
import clinic.scheduling.planning.ClinicHours;

@Repository
class JdbcSiteCalendars implements SiteCalendars {

	private final JdbcClient jdbc;

	private final SiteCalendarCache cache;

	JdbcSiteCalendars(JdbcClient jdbc, SiteCalendarCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	@Override
	public List<Site> sites() {
		return jdbc.sql("select id, name, time_zone from site order by name").query(JdbcSiteCalendars::site).list();
	}

	@Override
	public Optional<Site> site(UUID id) {
		return jdbc.sql("select id, name, time_zone from site where id = :id")
			.param("id", id)
			.query(JdbcSiteCalendars::site)
			.optional();
	}

	@Override
	public Optional<Site> siteWithChair(UUID chairId) {
		return jdbc.sql("""
				select site.id, site.name, site.time_zone from site join chair on chair.site_id = site.id
				where chair.id = :chair""")
			.param("chair", chairId)
			.query(JdbcSiteCalendars::site)
			.optional();
	}

	private static Site site(ResultSet rs, int row) throws SQLException {
		var zone = rs.getString("time_zone");
		return new Site(rs.getObject("id", UUID.class), rs.getString("name"), zone == null ? null : ZoneId.of(zone));
	}

	@Override
	public Optional<UUID> siteOfChair(UUID chairId) {
		return jdbc.sql("select site_id from chair where id = :id").param("id", chairId).query(UUID.class).optional();
	}

	@Override
	public List<CalendarChair> chairs(UUID siteId) {
		return jdbc.sql("""
				select chair.id, chair.name, room.name as room, chair.attributes, chair.active
				from chair join room on room.id = chair.room_id
				where chair.site_id = :site order by room.name, chair.name""")
			.param("site", siteId)
			.query((rs, row) -> new CalendarChair(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("room"), strings(rs.getArray("attributes")), rs.getBoolean("active")))
			.list();
	}

	@Override
	public Map<DayOfWeek, ClinicHours.Open> hours(UUID siteId) {
		var week = new EnumMap<DayOfWeek, ClinicHours.Open>(DayOfWeek.class);
		jdbc.sql("select day_of_week, opens, closes from site_hours where site_id = :site")
			.param("site", siteId)
			.query((rs, row) -> week.put(DayOfWeek.of(rs.getInt("day_of_week")),
					new ClinicHours.Open(rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class))))
			.list();
		return week;
	}

	@Override
	public Map<LocalDate, String> closures(UUID siteId, LocalDate from, LocalDate to) {
		var closures = new LinkedHashMap<LocalDate, String>();
		jdbc.sql("select on_date, reason from closure where site_id = :site and on_date between :from and :to order by on_date")
			.param("site", siteId)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> closures.put(rs.getObject("on_date", LocalDate.class), rs.getString("reason")))
			.list();
		return closures;
	}

	@Override
	public List<RotaEntry> rota(UUID siteId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select nurse, day_of_week, starts, ends, chairs_watched, valid_from, valid_until from nurse_rota
				where site_id = :site and valid_from <= :to and (valid_until is null or valid_until >= :from)
				order by nurse, day_of_week, starts""")
			.param("site", siteId)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new RotaEntry(rs.getString("nurse"), DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class),
					rs.getInt("chairs_watched"), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_until", LocalDate.class)))
			.list();
	}

	@Override
	public List<StaffShift> extraShifts(UUID siteId, Instant from, Instant until) {
		return jdbc.sql("""
				select nurse, start_at, end_at, chairs_watched from nurse_shift
				where site_id = :site and start_at < :until and end_at > :from order by start_at""")
			.param("site", siteId)
			.param("from", timestamp(from))
			.param("until", timestamp(until))
			.query((rs, row) -> new StaffShift(rs.getString("nurse"), instant(rs, "start_at"), instant(rs, "end_at"),
					rs.getInt("chairs_watched"), StaffShift.Source.EXTRA))
			.list();
	}

	@Override
	public Set<Absence> absences(LocalDate from, LocalDate to) {
		return new HashSet<>(jdbc.sql("select nurse, on_date from nurse_absence where on_date between :from and :to")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new Absence(rs.getString("nurse"), rs.getObject("on_date", LocalDate.class)))
			.list());
	}

	/** The site's own appointments (not cancelled) overlapping the window; {@code %1$s} the name, {@code %2$s} its join. */
	private static final String AT_SITE = """
			select a.id, a.course_id, a.patient_id, %1$s, a.chair_id, a.kind, a.sequence,
			  a.start_at, a.end_at, a.status, a.on_hold
			from chair c join appointment a on a.chair_id = c.id %2$s
			where c.site_id = :site and a.status <> 'cancelled'
			  and tstzrange(a.start_at, a.end_at) && tstzrange(:from, :until)
			  and (cast(:except as uuid) is null or a.course_id <> cast(:except as uuid))""";

	/** The patient's own appointments at other sites, and the live holds at the site or of the patient. */
	private static final String ELSEWHERE_AND_HELD = """
			select a.id, a.course_id, a.patient_id, %1$s, a.chair_id, a.kind, a.sequence,
			  a.start_at, a.end_at, a.status, a.on_hold
			from appointment a %2$s
			where a.patient_id = cast(:patient as uuid) and a.status <> 'cancelled'
			  and tstzrange(a.start_at, a.end_at) && tstzrange(:from, :until)
			  and a.chair_id not in (select id from chair where site_id = :site)
			  and (cast(:except as uuid) is null or a.course_id <> cast(:except as uuid))
			union all
			select o.id, o.course_id, o.patient_id, course.patient_name, o.chair_id, o.kind, 0,
			  o.start_at, o.end_at, 'pending', false
			from appointment_offer o join course on course.id = o.course_id
			where o.held_until > now() and o.start_at < :until and o.end_at > :from
			  and (o.chair_id in (select id from chair where site_id = :site)
			       or o.patient_id = cast(:patient as uuid))
			  and (cast(:except as uuid) is null or o.course_id <> cast(:except as uuid))""";

	/** As PostgreSQL orders them: by start, then chair (a UUID's text orders as its bytes do). */
	static final Comparator<CalendarAppointment> ORDER = Comparator.comparing(CalendarAppointment::start)
		.thenComparing(a -> a.chairId().toString());

	@Override
	public List<CalendarAppointment> appointments(UUID siteId, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
			Instant from, Instant until, boolean names) {
		// The site's chairs, each read through its exclusion constraint's GiST index (chair, time range) for the
		// window alone, then the patient's own elsewhere through the patient's: the work grows with the window, not
		// with the years of history behind it (a filter on start_at and end_at read the whole table; 255 000
		// appointments, 4 sites × 20 chairs, 15 months: 7 days asked 65-195 ms before, 5-8 ms now). Without names
		// (planning) no course is read: 90 days of a full site, 12 600 appointments, 18-31 ms instead of 70-130 ms;
		// and the site's own come from memory when they may (SiteCalendarCache).
		if (names) {
			return appointments(AT_SITE + "\nunion all\n" + ELSEWHERE_AND_HELD + "\norder by start_at, chair_id", true,
					siteId, patientId, exceptCourseId, from, until);
		}
		return planning(cache.appointments(siteId, from, until, this::atSite), siteId, patientId, exceptCourseId, from,
				until);
	}

	@Override
	public List<CalendarAppointment> keptAppointments(UUID siteId, @Nullable UUID patientId,
			@Nullable UUID exceptCourseId, Instant from, Instant until) {
		return planning(cache.kept(siteId, from, until, this::atSite), siteId, patientId, exceptCourseId, from, until);
	}

	/** The site's own appointments for planning, read from the database. */
	private List<CalendarAppointment> atSite(UUID siteId, Instant from, Instant until) {
		return appointments(AT_SITE + "\norder by start_at, chair_id", false, siteId, null, null, from, until);
	}

	/** The site's own (from memory or not) without the course's, the patient's elsewhere and the holds, in order. */
	private List<CalendarAppointment> planning(List<CalendarAppointment> atSite, UUID siteId, @Nullable UUID patientId,
			@Nullable UUID exceptCourseId, Instant from, Instant until) {
		var all = new ArrayList<CalendarAppointment>();
		for (var appointment : atSite) {
			if (exceptCourseId == null || !exceptCourseId.equals(appointment.courseId())) {
				all.add(appointment);
			}
		}
		all.addAll(appointments(ELSEWHERE_AND_HELD, false, siteId, patientId, exceptCourseId, from, until));
		all.sort(ORDER);
		return all;
	}

	@Override
	public List<CalendarAppointment> appointmentsDuring(UUID siteId, @Nullable UUID patientId,
			@Nullable UUID exceptCourseId, List<Span> spans) {
		if (spans.isEmpty()) {
			return List.of();
		}
		// each span read as a window is, through the GiST indexes of the site's chairs and of the patient, in one
		// statement: a course's six infusions read a few dozen rows where its whole window read thousands
		var values = new StringBuilder();
		for (int i = 0; i < spans.size(); i++) {
			values.append(i == 0 ? "" : ", ")
				.append("(cast(:start").append(i).append(" as timestamptz), cast(:end").append(i).append(" as timestamptz))");
		}
		var during = (AT_SITE + "\nunion all\n" + ELSEWHERE_AND_HELD).replace(":from", "span.s")
			.replace(":until", "span.e")
			.formatted("cast(null as text) as patient_name", "");
		var statement = jdbc.sql("select distinct on (during.id) during.* from (values " + values
				+ ") as span(s, e) cross join lateral (" + during + ") as during order by during.id")
			.param("site", siteId)
			.param("patient", patientId)
			.param("except", exceptCourseId);
		for (int i = 0; i < spans.size(); i++) {
			statement = statement.param("start" + i, timestamp(spans.get(i).start()))
				.param("end" + i, timestamp(spans.get(i).end()));
		}
		var all = new ArrayList<>(statement.query(JdbcSiteCalendars::planned).list());
		all.sort(ORDER);
		return all;
	}

	private List<CalendarAppointment> appointments(String sql, boolean names, UUID siteId, @Nullable UUID patientId,
			@Nullable UUID exceptCourseId, Instant from, Instant until) {
		return jdbc.sql(sql.formatted(names ? "course.patient_name" : "cast(null as text) as patient_name",
				names ? "join course on course.id = a.course_id" : ""))
			.param("site", siteId)
			.param("patient", patientId)
			.param("except", exceptCourseId)
			.param("from", timestamp(from))
			.param("until", timestamp(until))
			// by position, in the select's order: a busy site's 90 days are thousands of rows, and looking each column
			// up by name, and each time through java.sql.Timestamp's calendar, cost as much as reading them
			.query(JdbcSiteCalendars::planned)
			.list();
	}

	/** A row of the appointment selects, by position. */
	private static CalendarAppointment planned(ResultSet rs, int row) throws SQLException {
		return new CalendarAppointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getInt(7),
				rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant(),
				rs.getString(10), rs.getBoolean(11));
	}

	@Override
	public void lockCapacity(UUID siteId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('scheduling.site-capacity:' || cast(:site as text), 0))")
			.param("site", siteId)
			.query((rs, row) -> 1)
			.list();
	}

	private static Set<String> strings(Array array) throws SQLException {
		return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
	}
}
