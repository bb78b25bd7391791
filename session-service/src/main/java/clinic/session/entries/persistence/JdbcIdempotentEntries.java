package clinic.session.entries.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.Types;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.entries.IdempotentEntries;
import clinic.session.entries.StoredEntry;

@Repository
class JdbcIdempotentEntries implements IdempotentEntries {

	private final JdbcClient jdbc;

	JdbcIdempotentEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lock(String idempotencyKey) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 11))")
			.param("key", idempotencyKey)
			.query((rs, n) -> 1)
			.list();
	}

	@Override
	public Optional<StoredEntry> find(String idempotencyKey) {
		return jdbc.sql("""
				select idempotency_key, requested_by, operation, request_hash, status, response_body, record_version,
				  answered_at
				from idempotent_entry where idempotency_key = :key""")
			.param("key", idempotencyKey)
			.query((rs, n) -> new StoredEntry(rs.getString("idempotency_key"), rs.getString("requested_by"),
					rs.getString("operation"), rs.getString("request_hash"), rs.getInt("status"),
					rs.getString("response_body"), rs.getObject("record_version", Long.class),
					instant(rs, "answered_at")))
			.optional();
	}

	@Override
	public void insert(StoredEntry entry) {
		jdbc.sql("""
				insert into idempotent_entry (idempotency_key, requested_by, operation, request_hash, status,
				  response_body, record_version, answered_at)
				values (:key, :by, :operation, :hash, :status, :body, :version, :at)""")
			.param("key", entry.idempotencyKey())
			.param("by", entry.requestedBy())
			.param("operation", entry.operation())
			.param("hash", entry.requestHash())
			.param("status", entry.status())
			.param("body", entry.responseBody())
			.param("version", entry.recordVersion(), Types.BIGINT)
			.param("at", timestamp(entry.answeredAt()))
			.update();
	}
}
