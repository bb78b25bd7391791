package clinic.scheduling.resources.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.resources.ResourceKind;
import clinic.scheduling.resources.ResourceRevisions;
import clinic.scheduling.resources.Revision;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The history in resource_revision; snapshots are the resource records as JSON (the API's JSON mapper). */
@Repository
class JdbcResourceRevisions implements ResourceRevisions {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcResourceRevisions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void append(ResourceKind kind, UUID resourceId, long version, Revision.Change change, Object snapshot,
			String changedBy, Instant changedAt) {
		jdbc.sql("""
				insert into resource_revision (resource, resource_id, version, change, snapshot, changed_by, changed_at)
				values (:resource, :id, :version, :change, cast(:snapshot as jsonb), :by, :at)""")
			.param("resource", kind.code())
			.param("id", resourceId)
			.param("version", version)
			.param("change", change.code())
			.param("snapshot", json.writeValueAsString(snapshot))
			.param("by", changedBy)
			.param("at", timestamp(changedAt))
			.update();
	}

	@Override
	public List<Revision> of(ResourceKind kind, UUID resourceId) {
		return jdbc.sql("""
				select * from resource_revision where resource = :resource and resource_id = :id order by id""")
			.param("resource", kind.code())
			.param("id", resourceId)
			.query(this::revision)
			.list();
	}

	@Override
	public long latestVersion(ResourceKind kind, UUID resourceId) {
		return jdbc.sql("""
				select coalesce(max(version), 0) from resource_revision where resource = :resource and resource_id = :id""")
			.param("resource", kind.code())
			.param("id", resourceId)
			.query(Long.class)
			.single();
	}

	private Revision revision(ResultSet rs, int row) throws SQLException {
		return new Revision(ResourceKind.ofCode(rs.getString("resource")), rs.getObject("resource_id", UUID.class),
				rs.getLong("version"), Revision.Change.ofCode(rs.getString("change")),
				json.readValue(rs.getString("snapshot"), MAP), rs.getString("changed_by"),
				instant(rs, "changed_at"));
	}
}
