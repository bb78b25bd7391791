package clinic.platform.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only record of who read or changed which patient's data, how, when, from where, and with which outcome.
 * The table refuses updates, deletes and truncation (triggers in the platform migration), so the application
 * cannot rewrite it. Written by the audit trail ({@link AuditTrailFilter}, {@link AuditedChanges}); searched by
 * administrators through {@link AuditSearchController}, and as FHIR AuditEvents by administrators and integration
 * clients ({@code clinic.platform.fhir.AuditEventResources}).
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

	/**
	 * How rows are ordered. {@code NEWEST_FIRST} for the administrators' page; {@code RECORDED} oldest first, by the
	 * millisecond (as FHIR's {@code instant} shows {@code at}) and then by the id as text: the order in which the
	 * gateway merges the services' AuditEvent pages (date, then id as a string), so that each service's first matches
	 * are the first of the merged search too and no row is skipped or repeated across its pages.
	 */
	public enum Order {
		NEWEST_FIRST, RECORDED
	}

	/**
	 * What an administrator looks for; every part optional: the rows naming {@code patient}, by {@code actor} (the
	 * whole name, or with {@code actorStartsWith} its beginning, in any case, as FHIR searches a string), written in
	 * {@code [from, to)}; {@code size} rows from {@code offset}, in {@code order}.
	 */
	public record Query(@Nullable UUID patient, @Nullable String actor, boolean actorStartsWith, @Nullable Instant from,
			@Nullable Instant to, Order order, long offset, int size) {

		/** Page {@code page} (from 0) of {@code size} rows, newest first, the actor's whole name. */
		public Query(@Nullable UUID patient, @Nullable String actor, @Nullable Instant from, @Nullable Instant to,
				int page, int size) {
			this(patient, actor, false, from, to, Order.NEWEST_FIRST, (long) page * size, size);
		}
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

	/**
	 * The rows the query asks for, in its order; {@code size + 1} rows are read so the caller can tell whether another
	 * page follows.
	 */
	public List<Entry> search(Query query) {
		var sql = new StringBuilder("""
				select id, at, actor, client_id, action, kind, resource, patient_id, patient_ids, outcome,
				       client_address, user_agent, request_id
				from audit_log where true""");
		var params = new ArrayList<Object>();
		where(query, sql, params);
		sql.append(switch (query.order()) {
			case NEWEST_FIRST -> " order by at desc, id desc";
			// as the gateway merges AuditEvents: recorded to the millisecond, then the id's text ("intake-10" before
			// "intake-9"), byte by byte as Java compares strings; the expressions of audit_log_recorded_order_idx
			case RECORDED -> " order by date_trunc('milliseconds', at at time zone 'UTC'), (id::text) collate \"C\"";
		});
		sql.append(" limit ? offset ?");
		params.add(query.size() + 1);
		params.add(query.offset());
		return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
	}

	/** How many rows match the query in all (its offset and size aside). */
	public long count(Query query) {
		var sql = new StringBuilder("select count(*) from audit_log where true");
		var params = new ArrayList<Object>();
		where(query, sql, params);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/** The row of this id. */
	public Optional<Entry> entry(long id) {
		return jdbc.sql("""
				select id, at, actor, client_id, action, kind, resource, patient_id, patient_ids, outcome,
				       client_address, user_agent, request_id
				from audit_log where id = ?""").param(id).query(AuditLog::entry).optional();
	}

	/** The query's conditions, each value a parameter. */
	private static void where(Query query, StringBuilder sql, List<Object> params) {
		if (query.patient() != null) {
			sql.append(" and (patient_ids @> array[?]::uuid[] or patient_id = ?)");
			params.add(query.patient());
			params.add(query.patient());
		}
		if (query.actor() != null && query.actorStartsWith()) {
			sql.append(" and lower(actor) like ? escape '\\'");
			params.add(query.actor().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		else if (query.actor() != null) {
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
