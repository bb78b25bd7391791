package clinic.scheduling.hl7;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbound SIU messages as the database keeps them (table {@code hl7_outbound_message}). */
@Component
class OutboundMessages {

	/** The longest error kept with a message. */
	private static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	OutboundMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number for a control id (MSH-10); from a database sequence, so unique across replicas. */
	long nextNumber() {
		return jdbc.sql("select nextval('hl7_outbound_message_seq_seq')").query(Long.class).single();
	}

	UUID insert(long seq, String controlId, Trigger trigger, Visit visit, String message, Instant now) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into hl7_outbound_message (id, seq, control_id, trigger_event, kind, placer_id, appointment_id,
				  patient_id, message, status, next_attempt_at, created_at)
				values (:id, :seq, :controlId, :trigger, :kind, :placer, :appointment, :patient, :message, 'PENDING', :now, :now)""")
			.param("id", id)
			.param("seq", seq)
			.param("controlId", controlId)
			.param("trigger", trigger.name())
			.param("kind", visit.kind().name())
			.param("placer", visit.placerId())
			.param("appointment", visit.appointmentId())
			.param("patient", visit.patientId())
			.param("message", message)
			.param("now", timestamp(now))
			.update();
		return id;
	}

	/**
	 * The oldest message due now whose appointment has no earlier message still unsent, locked until the caller's
	 * transaction ends; another replica skips it and takes the next. An earlier message of the same appointment that is
	 * pending (perhaps in another replica's hands) or a dead letter holds the later ones back.
	 */
	Optional<OutboundMessage> claimNextDue(Instant now) {
		return jdbc.sql("""
				select * from hl7_outbound_message m
				where m.status = 'PENDING' and m.next_attempt_at <= :now
				  and not exists (select 1 from hl7_outbound_message e
				                  where e.placer_id = m.placer_id and e.seq < m.seq and e.status <> 'SENT')
				order by m.next_attempt_at, m.seq
				limit 1
				for update skip locked""").param("now", timestamp(now)).query(this::message).optional();
	}

	void sent(UUID id, String ackCode, int attempts, Instant at) {
		jdbc.sql("""
				update hl7_outbound_message set status = 'SENT', ack_code = :ack, attempts = :attempts, sent_at = :at,
				  last_error = null where id = :id""")
			.param("id", id)
			.param("ack", ackCode)
			.param("attempts", attempts)
			.param("at", timestamp(at))
			.update();
	}

	/** A failed attempt: due again at {@code next}, or a dead letter (FAILED) when {@code next} is null. */
	void failed(UUID id, int attempts, @Nullable String ackCode, String error, @Nullable Instant next, Instant now) {
		jdbc.sql("""
				update hl7_outbound_message set status = :status, attempts = :attempts, ack_code = :ack,
				  last_error = :error, next_attempt_at = :next where id = :id""")
			.param("id", id)
			.param("status", next == null ? "FAILED" : "PENDING")
			.param("attempts", attempts)
			.param("ack", ackCode)
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("next", timestamp(next == null ? now : next))
			.update();
	}

	/** A dead letter sent again from the start (attempts counted afresh); false when it is not a dead letter. */
	boolean replay(UUID id, String by, Instant now) {
		return jdbc.sql("""
				update hl7_outbound_message set status = 'PENDING', attempts = 0, next_attempt_at = :now,
				  replays = replays + 1, last_replayed_by = :by, last_replayed_at = :now
				where id = :id and status = 'FAILED'""")
			.param("id", id)
			.param("by", by)
			.param("now", timestamp(now))
			.update() == 1;
	}

	Optional<OutboundMessage> find(UUID id) {
		return jdbc.sql("select * from hl7_outbound_message where id = :id").param("id", id).query(this::message)
			.optional();
	}

	/** The newest {@code limit} messages, newest first: all, or those in one status, or those of one appointment. */
	List<OutboundMessage> newest(OutboundMessage.@Nullable Status status, @Nullable UUID appointmentId, int limit) {
		return jdbc.sql("""
				select * from hl7_outbound_message
				where (cast(:status as text) is null or status = :status)
				  and (cast(:appointment as uuid) is null or appointment_id = :appointment or placer_id = :appointment)
				order by seq desc limit :limit""")
			.param("status", status == null ? null : status.name())
			.param("appointment", appointmentId)
			.param("limit", limit)
			.query(this::message)
			.list();
	}

	private OutboundMessage message(ResultSet rs, int row) throws SQLException {
		return new OutboundMessage(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("control_id"), rs.getString("trigger_event"),
				rs.getString("kind"), rs.getObject("placer_id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("message"),
				OutboundMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("ack_code"),
				instant(rs, "created_at"), instant(rs, "sent_at"), rs.getInt("replays"),
				rs.getString("last_replayed_by"), instant(rs, "last_replayed_at"));
	}

}
