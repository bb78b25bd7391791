package clinic.scheduling.resources.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.platform.jdbc.RecordParameters;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;

@Repository
class JdbcChairs implements Chairs {

	private static final String SELECT = """
			select chair.id, chair.name, chair.site_id, site.name as site_name, chair.room_id, room.name as room_name,
			  chair.attributes, chair.active, chair.version
			from chair join site on site.id = chair.site_id join room on room.id = chair.room_id""";

	private final JdbcClient jdbc;

	JdbcChairs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Chair> all() {
		return jdbc.sql(SELECT + " order by site.name, chair.name").query(JdbcChairs::chair).list();
	}

	@Override
	public List<Chair> list(@Nullable UUID siteId, @Nullable UUID roomId, boolean includeInactive) {
		return jdbc.sql(SELECT + "\n" + """
				 where (cast(:site as uuid) is null or chair.site_id = :site)
				   and (cast(:room as uuid) is null or chair.room_id = :room)
				   and (:inactive or chair.active)
				 order by site.name, chair.name""")
			.param("site", siteId)
			.param("room", roomId)
			.param("inactive", includeInactive)
			.query(JdbcChairs::chair)
			.list();
	}

	@Override
	public Optional<Chair> find(UUID id) {
		return jdbc.sql(SELECT + " where chair.id = :id").param("id", id).query(JdbcChairs::chair).optional();
	}

	@Override
	public void insert(Chair chair) {
		Constraints.guarded(() -> jdbc.sql("""
				insert into chair (id, site_id, room_id, name, attributes, active, version)
				values (:id, :siteId, :roomId, :name, cast(:attributes as text[]), :active, :version)""")
			.paramSource(parameters(chair))
			.update());
	}

	@Override
	public boolean update(Chair chair, long expectedVersion) {
		return Constraints.guarded(() -> jdbc.sql("""
				update chair set site_id = :siteId, room_id = :roomId, name = :name,
				  attributes = cast(:attributes as text[]), active = :active, version = :version
				where id = :id and version = :expected""")
			.paramSource(parameters(chair).with("expected", expectedVersion))
			.update()) == 1;
	}

	private static RecordParameters parameters(Chair chair) {
		return RecordParameters.of(chair).with("attributes", chair.attributes().toArray(String[]::new));
	}

	private static Chair chair(ResultSet rs, int row) throws SQLException {
		var attributes = (String[]) rs.getArray("attributes").getArray();
		return new Chair(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("site_id", UUID.class),
				rs.getString("site_name"), rs.getObject("room_id", UUID.class), rs.getString("room_name"),
				Arrays.asList(attributes), rs.getBoolean("active"), rs.getLong("version"));
	}
}
