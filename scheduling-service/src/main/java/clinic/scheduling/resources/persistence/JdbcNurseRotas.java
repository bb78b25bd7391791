package clinic.scheduling.resources.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.resources.ExtraShift;
import clinic.scheduling.resources.NurseAbsence;
import clinic.scheduling.resources.NurseRotas;
import clinic.scheduling.resources.RotaEntry;

@Repository
class JdbcNurseRotas implements NurseRotas {

	private final JdbcClient jdbc;

	JdbcNurseRotas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lockNurse(String nurse) {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('nurse:' || :nurse))) held")
			.param("nurse", nurse)
			.query(Integer.class)
			.single();
	}

	@Override
	public List<RotaEntry> overlappingRota(String nurse, int dayOfWeek, LocalTime starts, LocalTime ends,
			LocalDate validFrom, @Nullable LocalDate validUntil) {
		return jdbc.sql("""
				select * from nurse_rota
				where nurse = :nurse and day_of_week = :day and starts < :ends and ends > :starts
				  and (valid_until is null or valid_until >= :from)
				  and (cast(:until as date) is null or valid_from <= cast(:until as date))
				order by valid_from, starts""")
			.param("nurse", nurse)
			.param("day", dayOfWeek)
			.param("starts", starts)
			.param("ends", ends)
			.param("from", validFrom)
			.param("until", validUntil)
			.query(JdbcNurseRotas::rotaEntry)
			.list();
	}

	@Override
	public List<ExtraShift> overlappingShifts(String nurse, Instant start, Instant end) {
		return jdbc.sql("select * from nurse_shift where nurse = :nurse and start_at < :end and end_at > :start order by start_at")
			.param("nurse", nurse)
			.param("start", timestamp(start))
			.param("end", timestamp(end))
			.query(JdbcNurseRotas::shift)
			.list();
	}

	@Override
	public List<RotaEntry> rota(UUID siteId, @Nullable String nurse, @Nullable LocalDate validOn) {
		return jdbc.sql("""
				select * from nurse_rota
				where site_id = :site
				  and (cast(:nurse as text) is null or nurse = :nurse)
				  and (cast(:on as date) is null
				       or (valid_from <= cast(:on as date) and (valid_until is null or valid_until >= cast(:on as date))))
				order by nurse, day_of_week, starts, valid_from""")
			.param("site", siteId)
			.param("nurse", nurse)
			.param("on", validOn)
			.query(JdbcNurseRotas::rotaEntry)
			.list();
	}

	@Override
	public Optional<RotaEntry> findRotaEntry(UUID id) {
		return jdbc.sql("select * from nurse_rota where id = :id")
			.param("id", id)
			.query(JdbcNurseRotas::rotaEntry)
			.optional();
	}

	@Override
	public void insertRotaEntry(RotaEntry e) {
		jdbc.sql("""
				insert into nurse_rota (id, site_id, nurse, day_of_week, starts, ends, chairs_watched, valid_from,
				  valid_until, version)
				values (:id, :site, :nurse, :day, :starts, :ends, :chairs, :from, cast(:until as date), :version)""")
			.param("id", e.id())
			.param("site", e.siteId())
			.param("nurse", e.nurse())
			.param("day", e.dayOfWeek())
			.param("starts", e.starts())
			.param("ends", e.ends())
			.param("chairs", e.chairsWatched())
			.param("from", e.validFrom())
			.param("until", e.validUntil())
			.param("version", e.version())
			.update();
	}

	@Override
	public boolean updateRotaEntry(RotaEntry e, long expectedVersion) {
		return jdbc.sql("""
				update nurse_rota set valid_until = cast(:until as date), version = :version
				where id = :id and version = :expected""")
			.param("id", e.id())
			.param("until", e.validUntil())
			.param("version", e.version())
			.param("expected", expectedVersion)
			.update() == 1;
	}

	@Override
	public List<ExtraShift> shifts(UUID siteId, @Nullable String nurse, Instant from, Instant to) {
		return jdbc.sql("""
				select * from nurse_shift
				where site_id = :site and (cast(:nurse as text) is null or nurse = :nurse)
				  and start_at < :to and end_at > :from
				order by start_at, nurse""")
			.param("site", siteId)
			.param("nurse", nurse)
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query(JdbcNurseRotas::shift)
			.list();
	}

	@Override
	public Optional<ExtraShift> findShift(UUID id) {
		return jdbc.sql("select * from nurse_shift where id = :id").param("id", id).query(JdbcNurseRotas::shift).optional();
	}

	@Override
	public void insertShift(ExtraShift s) {
		jdbc.sql("""
				insert into nurse_shift (id, site_id, nurse, start_at, end_at, chairs_watched, version)
				values (:id, :site, :nurse, :start, :end, :chairs, :version)""")
			.param("id", s.id())
			.param("site", s.siteId())
			.param("nurse", s.nurse())
			.param("start", timestamp(s.start()))
			.param("end", timestamp(s.end()))
			.param("chairs", s.chairsWatched())
			.param("version", s.version())
			.update();
	}

	@Override
	public boolean deleteShift(UUID id, long expectedVersion) {
		return jdbc.sql("delete from nurse_shift where id = :id and version = :expected")
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	@Override
	public List<NurseAbsence> absences(@Nullable String nurse, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from nurse_absence
				where (cast(:nurse as text) is null or nurse = :nurse) and on_date between :from and :to
				order by on_date, nurse""")
			.param("nurse", nurse)
			.param("from", from)
			.param("to", to)
			.query(JdbcNurseRotas::absence)
			.list();
	}

	@Override
	public Optional<NurseAbsence> findAbsence(UUID id) {
		return jdbc.sql("select * from nurse_absence where id = :id")
			.param("id", id)
			.query(JdbcNurseRotas::absence)
			.optional();
	}

	@Override
	public void insertAbsence(NurseAbsence a) {
		Constraints.guarded(() -> jdbc.sql("""
				insert into nurse_absence (id, nurse, on_date, reason, version) values (:id, :nurse, :date, :reason, :version)""")
			.param("id", a.id())
			.param("nurse", a.nurse())
			.param("date", a.date())
			.param("reason", a.reason())
			.param("version", a.version())
			.update());
	}

	@Override
	public boolean deleteAbsence(UUID id, long expectedVersion) {
		return jdbc.sql("delete from nurse_absence where id = :id and version = :expected")
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	private static RotaEntry rotaEntry(ResultSet rs, int row) throws SQLException {
		return new RotaEntry(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getString("nurse"),
				rs.getInt("day_of_week"), rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class),
				rs.getInt("chairs_watched"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getLong("version"));
	}

	private static ExtraShift shift(ResultSet rs, int row) throws SQLException {
		return new ExtraShift(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getString("nurse"), instant(rs, "start_at"), instant(rs, "end_at"),
				rs.getInt("chairs_watched"), rs.getLong("version"));
	}

	private static NurseAbsence absence(ResultSet rs, int row) throws SQLException {
		return new NurseAbsence(rs.getObject("id", UUID.class), rs.getString("nurse"),
				rs.getObject("on_date", LocalDate.class), rs.getString("reason"), rs.getLong("version"));
	}
}
