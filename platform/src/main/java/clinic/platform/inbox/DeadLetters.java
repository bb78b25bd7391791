package clinic.platform.inbox;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's durable copy of its dead-letter topic ({@code dead_letter}): what was parked, and each replay. Kept
 * in the service's own database so that listing it does not read the topic on every request, and so that a replay is
 * remembered.
 */
@Component
public class DeadLetters {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DeadLetters(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The dead-letter topic of a service: {@code <spring.application.name>.dlt}. */
	public static String topicOf(String application) {
		return application + ".dlt";
	}

	/** Keeps a parked record once, however often it is copied; returns whether it was new. */
	boolean keep(DeadLetter letter, DeadLetter.Content content) {
		return jdbc.sql("""
				insert into dead_letter (id, dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition,
				  original_offset, record_key, event_id, event_type, subject, ce_headers, value, exception,
				  exception_message, parked_at)
				values (:id, :dltTopic, :dltPartition, :dltOffset, :topic, :partition, :offset, :key, :eventId,
				  :eventType, :subject, cast(:headers as jsonb), :value, :exception, :message, :parkedAt)
				on conflict (id) do nothing""")
			.param("id", letter.id())
			.param("dltTopic", letter.deadLetterTopic())
			.param("dltPartition", letter.deadLetterPartition())
			.param("dltOffset", letter.deadLetterOffset())
			.param("topic", letter.originalTopic(), Types.VARCHAR)
			.param("partition", letter.originalPartition(), Types.INTEGER)
			.param("offset", letter.originalOffset(), Types.BIGINT)
			.param("key", letter.key(), Types.VARCHAR)
			.param("eventId", letter.eventId(), Types.VARCHAR)
			.param("eventType", letter.eventType(), Types.VARCHAR)
			.param("subject", letter.subject(), Types.VARCHAR)
			.param("headers", json.writeValueAsString(content.ceHeaders()))
			.param("value", content.value(), Types.BINARY)
			.param("exception", letter.exception(), Types.VARCHAR)
			.param("message", letter.exceptionMessage(), Types.VARCHAR)
			.param("parkedAt", timestamp(letter.parkedAt()))
			.update() == 1;
	}

	/** The newest parked records first, at most {@code limit}. */
	public List<DeadLetter> newest(int limit) {
		return jdbc.sql("select * from dead_letter order by parked_at desc, dlt_offset desc limit :limit")
			.param("limit", limit)
			.query(DeadLetters::letter)
			.list();
	}

	public Optional<DeadLetter> find(UUID id) {
		return jdbc.sql("select * from dead_letter where id = :id").param("id", id).query(DeadLetters::letter).optional();
	}

	Optional<DeadLetter.Content> content(UUID id) {
		return jdbc.sql("select ce_headers::text as headers, value from dead_letter where id = :id")
			.param("id", id)
			.query((rs, row) -> new DeadLetter.Content(json.readValue(rs.getString("headers"), HEADERS),
					rs.getBytes("value")))
			.optional();
	}

	void replayed(UUID id, String by, Instant at, String outcome) {
		jdbc.sql("""
				update dead_letter set replays = replays + 1, last_replayed_at = :at, last_replayed_by = :by,
				  last_replay_outcome = :outcome
				where id = :id""")
			.param("id", id)
			.param("at", timestamp(at))
			.param("by", by)
			.param("outcome", outcome)
			.update();
	}

	private static DeadLetter letter(ResultSet rs, int row) throws SQLException {
		return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("dlt_topic"), rs.getInt("dlt_partition"),
				rs.getLong("dlt_offset"), rs.getString("original_topic"), rs.getObject("original_partition", Integer.class),
				rs.getObject("original_offset", Long.class), rs.getString("record_key"), rs.getString("event_id"),
				rs.getString("event_type"), rs.getString("subject"), rs.getString("exception"),
				rs.getString("exception_message"), instant(rs, "parked_at"), rs.getInt("replays"),
				instant(rs, "last_replayed_at"), rs.getString("last_replayed_by"),
				rs.getString("last_replay_outcome"));
	}

}
