package clinic.scheduling.consultations.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.consultations.Consultation;
import clinic.scheduling.consultations.ConsultationChange;
import clinic.scheduling.consultations.ConsultationCollision;
import clinic.scheduling.consultations.Consultations;
import clinic.scheduling.consultations.Listed;

@Repository
class JdbcConsultations implements Consultations {

	private static final String LISTED = """
			select c.*, p.given_name, p.family_name, p.mrn, site.name as site_name, site.time_zone,
			  room.name as room_name
			from consultation c
			  join registered_patient p on p.id = c.patient_id
			  join site on site.id = c.site_id
			  left join room on room.id = c.room_id""";

	private final JdbcClient jdbc;

	/** Runs the insert in a savepoint, so that a refused insert leaves the booking transaction usable. */
	private final TransactionTemplate savepoint;

	JdbcConsultations(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Override
	public Optional<Long> nextVersion(UUID patientId) {
		return jdbc.sql("""
				update registered_patient set consultation_version = consultation_version + 1
				where id = :patient returning consultation_version""")
			.param("patient", patientId)
			.query(Long.class)
			.optional();
	}

	@Override
	public void insert(Consultation c) {
		try {
			savepoint.executeWithoutResult(status -> jdbc.sql("""
					insert into consultation (id, slot_id, patient_id, site_id, room_id, clinician, start_at, end_at,
					  status, rescheduled_from, booked_by, booked_at)
					values (:id, :slot, :patient, :site, cast(:room as uuid), :clinician, :start, :end, :status,
					  cast(:from as uuid), :by, :at)""")
				.param("id", c.id())
				.param("slot", c.slotId())
				.param("patient", c.patientId())
				.param("site", c.siteId())
				.param("room", c.roomId())
				.param("clinician", c.clinician())
				.param("start", timestamp(c.start()))
				.param("end", timestamp(c.end()))
				.param("status", c.status().code())
				.param("from", c.rescheduledFrom())
				.param("by", c.bookedBy())
				.param("at", timestamp(c.bookedAt()))
				.update());
		}
		catch (DataAccessException e) {
			var with = collisionOf(e);
			if (with == null) {
				throw e;
			}
			throw new ConsultationCollision(with, e);
		}
	}

	@Override
	public Optional<Consultation> find(UUID id) {
		return jdbc.sql("select * from consultation where id = :id")
			.param("id", id)
			.query(JdbcConsultations::consultation)
			.optional();
	}

	@Override
	public Optional<Consultation> bookedOf(UUID patientId) {
		return jdbc.sql("select * from consultation where patient_id = :patient and status = 'booked'")
			.param("patient", patientId)
			.query(JdbcConsultations::consultation)
			.optional();
	}

	@Override
	public void changeStatus(UUID id, AppointmentStatus to, @Nullable String cancellationReason) {
		jdbc.sql("""
				update consultation set status = :status,
				  cancellation_reason = case when :status = 'cancelled' then :reason else cancellation_reason end
				where id = :id""")
			.param("id", id)
			.param("status", to.code())
			.param("reason", cancellationReason, Types.VARCHAR)
			.update();
	}

	@Override
	public void recordChange(ConsultationChange c) {
		jdbc.sql("""
				insert into consultation_history (consultation_id, from_status, to_status, reason, changed_by, changed_at)
				values (:consultation, :from, :to, :reason, :by, :at)""")
			.param("consultation", c.consultationId())
			.param("from", c.from() == null ? null : c.from().code(), Types.VARCHAR)
			.param("to", c.to().code())
			.param("reason", c.reason(), Types.VARCHAR)
			.param("by", c.by())
			.param("at", timestamp(c.at()))
			.update();
	}

	@Override
	public List<ConsultationChange> history(UUID id) {
		return jdbc.sql("select * from consultation_history where consultation_id = :id order by id")
			.param("id", id)
			.query((rs, row) -> {
				var from = rs.getString("from_status");
				return new ConsultationChange(rs.getObject("consultation_id", UUID.class),
						from == null ? null : AppointmentStatus.ofCode(from),
						AppointmentStatus.ofCode(rs.getString("to_status")), rs.getString("reason"),
						rs.getString("changed_by"), instant(rs, "changed_at"));
			})
			.list();
	}

	@Override
	public List<Listed> list(Query q) {
		return jdbc.sql(LISTED + """
				 where c.start_at < :until and c.end_at > :from
				  and (cast(:site as uuid) is null or c.site_id = cast(:site as uuid))
				  and (cast(:clinician as text) is null or c.clinician = cast(:clinician as text))
				  and (cast(:patient as uuid) is null or c.patient_id = cast(:patient as uuid))
				  and (:cancelled or c.status <> 'cancelled')
				order by c.start_at, c.clinician, c.booked_at""")
			.param("from", timestamp(q.from()))
			.param("until", timestamp(q.until()))
			.param("site", q.siteId())
			.param("clinician", q.clinician(), Types.VARCHAR)
			.param("patient", q.patientId())
			.param("cancelled", q.includeCancelled())
			.query(JdbcConsultations::listed)
			.list();
	}

	@Override
	public Optional<Listed> listed(UUID id) {
		return jdbc.sql(LISTED + " where c.id = :id").param("id", id).query(JdbcConsultations::listed).optional();
	}

	@Override
	public Set<UUID> taken(Collection<UUID> slotIds) {
		if (slotIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select slot_id from consultation where slot_id in (:slots) and status <> 'cancelled'
				union
				select consultation_slot_id from appointment_offer
				where consultation_slot_id in (:slots) and held_until > now()""")
			.param("slots", slotIds)
			.query(UUID.class)
			.list());
	}

	/** Which rule refused the insert, read from the constraint PostgreSQL names; null when it was not a collision. */
	private static ConsultationCollision.@Nullable With collisionOf(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				var constraint = psql.getServerErrorMessage().getConstraint();
				if (constraint == null) {
					return null;
				}
				return switch (constraint) {
					case "consultation_one_per_slot" -> ConsultationCollision.With.SLOT;
					case "consultation_one_booked_per_patient" -> ConsultationCollision.With.PATIENT_BOOKED;
					case "consultation_patient_no_overlap" -> ConsultationCollision.With.PATIENT_CONSULTATION;
					case "consultation_patient_appointment_no_overlap" -> ConsultationCollision.With.PATIENT_APPOINTMENT;
					case "consultation_slot_held" -> ConsultationCollision.With.SLOT_HELD;
					case "consultation_patient_held" -> ConsultationCollision.With.PATIENT_HELD;
					default -> null;
				};
			}
		}
		return null;
	}

	private static Consultation consultation(ResultSet rs, int row) throws SQLException {
		return new Consultation(rs.getObject("id", UUID.class), rs.getObject("slot_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getString("clinician"), instant(rs, "start_at"),
				instant(rs, "end_at"), AppointmentStatus.ofCode(rs.getString("status")),
				rs.getString("cancellation_reason"), rs.getObject("rescheduled_from", UUID.class),
				rs.getString("booked_by"), instant(rs, "booked_at"));
	}

	private static Listed listed(ResultSet rs, int row) throws SQLException {
		var zone = rs.getString("time_zone");
		return new Listed(consultation(rs, row), rs.getString("given_name") + " " + rs.getString("family_name"),
				rs.getString("mrn"), rs.getString("site_name"), zone == null ? null : ZoneId.of(zone),
				rs.getString("room_name"));
	}
}
