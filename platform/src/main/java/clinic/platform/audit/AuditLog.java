package clinic.platform.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only record of who read or changed which patient's data, how, when, from where, and with which outcome.
 * The table refuses updates, deletes and truncation (triggers in the platform migration), so the application
 * cannot rewrite it. Written by the audit trail ({@link AuditTrailFilter}, {@link AuditedChanges}); searched by
 * administrators through {@link AuditSearchController}.
 */
@Component
public class AuditLog {

	/** Longest user agent kept: enough to tell browsers and clients apart, bounded whatever a client sends. */
	static final int USER_AGENT_LENGTH = 500;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row: {@code patientIds} are all the patients the call named (its path, what it published, its answer);
	 * {@code outcome} the HTTP status it answered (or, for a change, will answer once committed).
	 */
	public record Row(String actor, @Nullable String clientId, String action, String kind, String resource,
			List<UUID> patientIds, int outcome, @Nullable String clientAddress, @Nullable String userAgent,
			@Nullable UUID requestId) {
	}

	/** A row as searched: {@code at} is when it was written. */
	public record Entry(long id, Instant at, String actor, @Nullable String clientId, String action,
			@Nullable String kind, String resource, List<UUID> patientIds, int outcome, @Nullable String clientAddress,
			@Nullable String userAgent, @Nullable UUID requestId) {
	}

	/** What an administrator looks for; every part optional. */
	public record Query(@Nullable UUID patient, @Nullable String actor, @Nullable Instant from, @Nullable Instant to,
			int page, int size) {
	}

	public void write(Row row) {
		jdbc.sql("""
				insert into audit_log (at, actor, client_id, action, kind, resource, patient_id, patient_ids, outcome,
				                       client_address, user_agent, request_id)
				values (clock_timestamp(), :actor, :clientId, :action, :kind, :resource, :patientId, :patientIds,
				        :outcome, :clientAddress, :userAgent, :requestId)""")
			.param("actor", printable(row.actor()))
			.param("clientId", printable(row.clientId()))
			.param("action", printable(row.action()))
			.param("kind", row.kind())
			.param("resource", printable(row.resource()))
			.param("patientId", row.patientIds().size() == 1 ? row.patientIds().get(0) : null)
			.param("patientIds", row.patientIds().toArray(UUID[]::new))
			.param("outcome", row.outcome())
			.param("clientAddress", printable(row.clientAddress()))
			.param("userAgent", truncated(printable(row.userAgent())))
			.param("requestId", row.requestId())
			.update();
	}

	/** Newest first; {@code size + 1} rows are read so the caller can tell whether another page follows. */
	public List<Entry> search(Query query) {
		var sql = new StringBuilder("""
				select id, at, actor, client_id, action, kind, resource, patient_id, patient_ids, outcome,
				       client_address, user_agent, request_id
				from audit_log where true""");
		var params = new ArrayList<Object>();
		if (query.patient() != null) {
			sql.append(" and (patient_ids @> array[?]::uuid[] or patient_id = ?)");
			params.add(query.patient());
			params.add(query.patient());
		}
		if (query.actor() != null) {
			sql.append(" and actor = ?");
			params.add(query.actor());
		}
		if (query.from() != null) {
			sql.append(" and at >= ?");
			params.add(OffsetDateTime.ofInstant(query.from(), java.time.ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" and at < ?");
			params.add(OffsetDateTime.ofInstant(query.to(), java.time.ZoneOffset.UTC));
		}
		sql.append(" order by at desc, id desc limit ? offset ?");
		params.add(query.size() + 1);
		params.add((long) query.page() * query.size());
		return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		var patients = new ArrayList<UUID>(uuids(rs.getArray("patient_ids")));
		var single = rs.getObject("patient_id", UUID.class);
		if (single != null && !patients.contains(single)) {
			patients.add(single);
		}
		return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("client_id"), rs.getString("action"), rs.getString("kind"),
				rs.getString("resource"), List.copyOf(patients), rs.getInt("outcome"), rs.getString("client_address"),
				rs.getString("user_agent"), rs.getObject("request_id", UUID.class));
	}

	private static List<UUID> uuids(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
	}

	/** Control characters (a NUL above all, which PostgreSQL refuses) would let a client make the entry fail. */
	private static @Nullable String printable(@Nullable String text) {
		return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
	}

	private static @Nullable String truncated(@Nullable String text) {
		return text == null || text.length() <= USER_AGENT_LENGTH ? text : text.substring(0, USER_AGENT_LENGTH);
	}
}
