package clinic.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gateway's append-only audit table (triggers refuse updates, deletes and truncation): blocking JDBC, so callers
 * run it on a scheduler meant for blocking work.
 */
@Component
class GatewayAuditLog {

	/**
	 * Longest text kept of what a caller chose (the path, so the action and resource; the user agent; a forwarded
	 * address): enough to tell calls apart, bounded whatever a client sends.
	 */
	static final int TEXT_LENGTH = 500;

	private final JdbcClient jdbc;

	GatewayAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One refused or audited call; {@code patientIds} are the patients its path named. */
	record Row(String actor, String action, String kind, String resource, List<UUID> patientIds, int outcome,
			@Nullable String clientAddress, @Nullable String userAgent, UUID requestId) {
	}

	/** A row as searched, in the shape the services' audit search answers with. */
	record Entry(long id, Instant at, String actor, @Nullable String clientId, String action, @Nullable String kind,
			String resource, List<UUID> patientIds, int outcome, @Nullable String clientAddress,
			@Nullable String userAgent, @Nullable UUID requestId) {
	}

	record Query(@Nullable UUID patient, @Nullable String actor, @Nullable Instant from, @Nullable Instant to, int page,
			int size) {
	}

	void write(Row row) {
		jdbc.sql("""
				insert into gateway_audit_log (at, actor, action, kind, resource, patient_id, patient_ids, outcome,
				                               client_address, user_agent, request_id)
				values (clock_timestamp(), :actor, :action, :kind, :resource, :patientId, :patientIds, :outcome,
				        :clientAddress, :userAgent, :requestId)""")
			.param("actor", printable(row.actor()))
			.param("action", truncated(printable(row.action())))
			.param("kind", row.kind())
			.param("resource", truncated(printable(row.resource())))
			.param("patientId", row.patientIds().size() == 1 ? row.patientIds().get(0) : null)
			.param("patientIds", row.patientIds().toArray(UUID[]::new))
			.param("outcome", row.outcome())
			.param("clientAddress", truncated(printable(row.clientAddress())))
			.param("userAgent", truncated(printable(row.userAgent())))
			.param("requestId", row.requestId())
			.update();
	}

	/** Newest first; one row more than a page, so the caller sees whether another page follows. */
	List<Entry> search(Query query) {
		var sql = new StringBuilder("""
				select id, at, actor, client_id, action, kind, resource, patient_ids, outcome, client_address,
				       user_agent, request_id
				from gateway_audit_log where true""");
		var params = new ArrayList<Object>();
		if (query.patient() != null) {
			sql.append(" and patient_ids @> array[?]::uuid[]");
			params.add(query.patient());
		}
		if (query.actor() != null) {
			sql.append(" and actor = ?");
			params.add(query.actor());
		}
		if (query.from() != null) {
			sql.append(" and at >= ?");
			params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" and at < ?");
			params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		sql.append(" order by at desc, id desc limit ? offset ?");
		params.add(query.size() + 1);
		params.add((long) query.page() * query.size());
		return jdbc.sql(sql.toString()).params(params).query(GatewayAuditLog::entry).list();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		var patients = rs.getArray("patient_ids");
		return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("client_id"), rs.getString("action"), rs.getString("kind"), rs.getString("resource"),
				patients == null ? List.of()
						: Arrays.stream((Object[]) patients.getArray()).map(UUID.class::cast).toList(),
				rs.getInt("outcome"), rs.getString("client_address"), rs.getString("user_agent"),
				rs.getObject("request_id", UUID.class));
	}

	private static @Nullable String printable(@Nullable String text) {
		return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
	}

	private static @Nullable String truncated(@Nullable String text) {
		return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH);
	}
}
