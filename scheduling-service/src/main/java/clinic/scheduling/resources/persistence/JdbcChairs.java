package clinic.scheduling.resources.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;

@Repository
class JdbcChairs implements Chairs {

	private static final String SELECT = """
			select chair.id, chair.name, chair.site_id, site.name as site_name
			from chair join site on site.id = chair.site_id""";

	private final JdbcClient jdbc;

	JdbcChairs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Chair> all() {
		return jdbc.sql(SELECT + " order by site.name, chair.name").query(JdbcChairs::chair).list();
	}

	@Override
	public Optional<Chair> find(UUID id) {
		return jdbc.sql(SELECT + " where chair.id = :id").param("id", id).query(JdbcChairs::chair).optional();
	}

	private static Chair chair(ResultSet rs, int row) throws SQLException {
		return new Chair(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("site_id", UUID.class),
				rs.getString("site_name"));
	}
}
