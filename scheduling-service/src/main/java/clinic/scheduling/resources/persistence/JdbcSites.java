package clinic.scheduling.resources.persistence;

import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.resources.Closure;
import clinic.scheduling.resources.DayHours;
import clinic.scheduling.resources.Room;
import clinic.scheduling.resources.Site;
import clinic.scheduling.resources.Sites;

@Repository
class JdbcSites implements Sites {

	private static final String ROOM = """
			select room.id, room.site_id, site.name as site_name, room.name, room.version
			from room join site on site.id = room.site_id""";

	private final JdbcClient jdbc;

	JdbcSites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Site> all() {
		return jdbc.sql("select id, name, time_zone, version from site order by name").query(JdbcSites::site).list();
	}

	@Override
	public Optional<Site> find(UUID id) {
		return jdbc.sql("select id, name, time_zone, version from site where id = :id")
			.param("id", id)
			.query(JdbcSites::site)
			.optional();
	}

	@Override
	public Optional<Site> lock(UUID id) {
		return jdbc.sql("select id, name, time_zone, version from site where id = :id for update")
			.param("id", id)
			.query(JdbcSites::site)
			.optional();
	}

	@Override
	public void insert(Site site) {
		Constraints.guarded(() -> jdbc
			.sql("insert into site (id, name, time_zone, version) values (:id, :name, :zone, :version)")
			.param("id", site.id())
			.param("name", site.name())
			.param("zone", zone(site), Types.VARCHAR)
			.param("version", site.version())
			.update());
	}

	@Override
	public boolean update(Site site, long expectedVersion) {
		return Constraints.guarded(() -> jdbc.sql("""
				update site set name = :name, time_zone = :zone, version = :version
				where id = :id and version = :expected""")
			.param("id", site.id())
			.param("name", site.name())
			.param("zone", zone(site), Types.VARCHAR)
			.param("version", site.version())
			.param("expected", expectedVersion)
			.update()) == 1;
	}

	@Override
	public int appointmentsFrom(UUID siteId, Instant from) {
		return jdbc.sql("""
				select count(*) from appointment a join chair on chair.id = a.chair_id
				where chair.site_id = :site and a.status <> 'cancelled' and a.end_at > :from""")
			.param("site", siteId)
			.param("from", timestamp(from))
			.query(Integer.class)
			.single();
	}

	private static @Nullable String zone(Site site) {
		return site.timeZone() == null ? null : site.timeZone().getId();
	}

	@Override
	public List<Room> rooms(UUID siteId) {
		return jdbc.sql(ROOM + " where room.site_id = :site order by room.name")
			.param("site", siteId)
			.query(JdbcSites::room)
			.list();
	}

	@Override
	public Optional<Room> findRoom(UUID id) {
		return jdbc.sql(ROOM + " where room.id = :id").param("id", id).query(JdbcSites::room).optional();
	}

	@Override
	public void insertRoom(Room room) {
		Constraints.guarded(() -> jdbc
			.sql("insert into room (id, site_id, name, version) values (:id, :site, :name, :version)")
			.param("id", room.id())
			.param("site", room.siteId())
			.param("name", room.name())
			.param("version", room.version())
			.update());
	}

	@Override
	public boolean updateRoom(Room room, long expectedVersion) {
		return Constraints.guarded(() -> jdbc
			.sql("update room set name = :name, version = :version where id = :id and version = :expected")
			.param("id", room.id())
			.param("name", room.name())
			.param("version", room.version())
			.param("expected", expectedVersion)
			.update()) == 1;
	}

	@Override
	public List<DayHours> hours(UUID siteId) {
		return jdbc.sql("select day_of_week, opens, closes from site_hours where site_id = :site order by day_of_week")
			.param("site", siteId)
			.query((rs, row) -> new DayHours(rs.getInt("day_of_week"), rs.getObject("opens", LocalTime.class),
					rs.getObject("closes", LocalTime.class)))
			.list();
	}

	@Override
	public void replaceHours(UUID siteId, List<DayHours> days) {
		jdbc.sql("delete from site_hours where site_id = :site").param("site", siteId).update();
		for (var day : days) {
			jdbc.sql("insert into site_hours (site_id, day_of_week, opens, closes) values (:site, :day, :opens, :closes)")
				.param("site", siteId)
				.param("day", day.dayOfWeek())
				.param("opens", day.opens())
				.param("closes", day.closes())
				.update();
		}
	}

	@Override
	public List<Closure> closures(UUID siteId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from closure where site_id = :site and on_date between :from and :to order by on_date""")
			.param("site", siteId)
			.param("from", from)
			.param("to", to)
			.query(JdbcSites::closure)
			.list();
	}

	@Override
	public Optional<Closure> findClosure(UUID id) {
		return jdbc.sql("select * from closure where id = :id").param("id", id).query(JdbcSites::closure).optional();
	}

	@Override
	public void insertClosure(Closure closure) {
		Constraints.guarded(() -> jdbc.sql("""
				insert into closure (id, site_id, on_date, reason, version) values (:id, :site, :date, :reason, :version)""")
			.param("id", closure.id())
			.param("site", closure.siteId())
			.param("date", closure.date())
			.param("reason", closure.reason())
			.param("version", closure.version())
			.update());
	}

	@Override
	public boolean deleteClosure(UUID id, long expectedVersion) {
		return jdbc.sql("delete from closure where id = :id and version = :expected")
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	private static Site site(ResultSet rs, int row) throws SQLException {
		var zone = rs.getString("time_zone");
		return new Site(rs.getObject("id", UUID.class), rs.getString("name"), zone == null ? null : ZoneId.of(zone),
				rs.getLong("version"));
	}

	private static Room room(ResultSet rs, int row) throws SQLException {
		return new Room(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getString("site_name"),
				rs.getString("name"), rs.getLong("version"));
	}

	private static Closure closure(ResultSet rs, int row) throws SQLException {
		return new Closure(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getObject("on_date", LocalDate.class), rs.getString("reason"), rs.getLong("version"));
	}
}
