package clinic.scheduling.offers.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.offers.Offer;
import clinic.scheduling.offers.OfferCollision;
import clinic.scheduling.offers.OfferKind;
import clinic.scheduling.offers.Offers;

@Repository
class JdbcOffers implements Offers {

	private static final String EXCLUSION_VIOLATION = "23P01";

	private final JdbcClient jdbc;

	JdbcOffers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(List<Offer> offers) {
		for (var o : offers) {
			jdbc.sql("""
					insert into appointment_offer (id, offer_group, sequence, group_size, kind, patient_id, course_id,
					  chair_id, consultation_slot_id, site_id, clinician, start_at, end_at, offered_at)
					values (:id, :group, :sequence, :size, :kind, :patient, :course, :chair, :slot, :site, :clinician,
					  :start, :end, now())""")
				.param("id", o.id())
				.param("group", o.group())
				.param("sequence", o.sequence())
				.param("size", o.of())
				.param("kind", o.kind().name())
				.param("patient", o.patientId())
				.param("course", o.courseId())
				.param("chair", o.chairId())
				.param("slot", o.consultationSlotId())
				.param("site", o.siteId())
				.param("clinician", o.clinician())
				.param("start", timestamp(o.start()))
				.param("end", timestamp(o.end()))
				.update();
		}
	}

	@Override
	public List<Offer> groupOf(UUID id) {
		return jdbc.sql("""
				select * from appointment_offer
				where offer_group = (select offer_group from appointment_offer where id = :id)
				order by sequence
				for update""").param("id", id).query(JdbcOffers::offer).list();
	}

	@Override
	public Instant hold(UUID group, Duration ttl, String by) {
		try {
			return jdbc.sql("""
					update appointment_offer set held_until = now() + make_interval(secs => :ttl), held_by = :by
					where offer_group = :group
					returning held_until""")
				.param("ttl", ttl.toMillis() / 1000.0)
				.param("by", by)
				.param("group", group)
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.list()
				.get(0);
		}
		catch (DataAccessException e) {
			var with = collisionOf(e);
			if (with == null) {
				throw e;
			}
			throw new OfferCollision(with, e);
		}
	}

	@Override
	public void remove(UUID group) {
		jdbc.sql("delete from appointment_offer where offer_group = :group").param("group", group).update();
	}

	@Override
	public int sweep(Duration proposalTtl) {
		return jdbc.sql("""
				delete from appointment_offer
				where greatest(held_until, offered_at + make_interval(secs => :ttl)) < now()""")
			.param("ttl", proposalTtl.toMillis() / 1000.0)
			.update();
	}

	@Override
	public Instant now() {
		return jdbc.sql("select now()").query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
	}

	private static OfferCollision.@Nullable With collisionOf(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof PSQLException psql && EXCLUSION_VIOLATION.equals(psql.getSQLState())
					&& psql.getServerErrorMessage() != null && psql.getServerErrorMessage().getConstraint() != null) {
				return switch (psql.getServerErrorMessage().getConstraint()) {
					case "offer_chair_booked" -> OfferCollision.With.CHAIR_BOOKED;
					case "offer_slot_booked" -> OfferCollision.With.SLOT_BOOKED;
					case "offer_patient_booked" -> OfferCollision.With.PATIENT_BOOKED;
					case "offer_chair_held" -> OfferCollision.With.CHAIR_HELD;
					case "offer_slot_held" -> OfferCollision.With.SLOT_HELD;
					case "offer_patient_held" -> OfferCollision.With.PATIENT_HELD;
					default -> null;
				};
			}
		}
		return null;
	}

	private static Offer offer(ResultSet rs, int row) throws SQLException {
		return new Offer(rs.getObject("id", UUID.class), rs.getObject("offer_group", UUID.class), rs.getInt("sequence"),
				rs.getInt("group_size"), OfferKind.valueOf(rs.getString("kind")), rs.getObject("patient_id", UUID.class),
				rs.getObject("course_id", UUID.class), rs.getObject("chair_id", UUID.class),
				rs.getObject("consultation_slot_id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getString("clinician"), instant(rs, "start_at"),
				instant(rs, "end_at"),
				instant(rs, "held_until"));
	}
}
