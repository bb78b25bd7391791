package clinic.scheduling.resources.persistence;

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
import org.springframework.stereotype.Repository;

import clinic.scheduling.resources.ConsultationSlot;
import clinic.scheduling.resources.ConsultationSlots;

@Repository
class JdbcConsultationSlots implements ConsultationSlots {

	private final JdbcClient jdbc;

	JdbcConsultationSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ConsultationSlot> list(@Nullable String clinician, @Nullable UUID siteId, Instant from, Instant to) {
		return jdbc.sql("""
				select * from consultation_slot
				where (cast(:clinician as text) is null or clinician = :clinician)
				  and (cast(:site as uuid) is null or site_id = :site)
				  and start_at < :to and end_at > :from
				order by start_at, clinician""")
			.param("clinician", clinician)
			.param("site", siteId)
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query(JdbcConsultationSlots::slot)
			.list();
	}

	@Override
	public Optional<ConsultationSlot> find(UUID id) {
		return jdbc.sql("select * from consultation_slot where id = :id")
			.param("id", id)
			.query(JdbcConsultationSlots::slot)
			.optional();
	}

	@Override
	public Optional<ConsultationSlot> lock(UUID id) {
		return jdbc.sql("select * from consultation_slot where id = :id for update")
			.param("id", id)
			.query(JdbcConsultationSlots::slot)
			.optional();
	}

	@Override
	public boolean isBooked(UUID id) {
		return jdbc.sql("select exists (select 1 from consultation where slot_id = :id and status <> 'cancelled')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void insert(ConsultationSlot s) {
		Constraints.guarded(() -> jdbc.sql("""
				insert into consultation_slot (id, site_id, room_id, clinician, start_at, end_at, version)
				values (:id, :site, cast(:room as uuid), :clinician, :start, :end, :version)""")
			.param("id", s.id())
			.param("site", s.siteId())
			.param("room", s.roomId())
			.param("clinician", s.clinician())
			.param("start", timestamp(s.start()))
			.param("end", timestamp(s.end()))
			.param("version", s.version())
			.update());
	}

	@Override
	public boolean delete(UUID id, long expectedVersion) {
		return jdbc.sql("delete from consultation_slot where id = :id and version = :expected")
			.param("id", id)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	private static ConsultationSlot slot(ResultSet rs, int row) throws SQLException {
		return new ConsultationSlot(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getObject("room_id", UUID.class), rs.getString("clinician"), instant(rs, "start_at"),
				instant(rs, "end_at"), rs.getLong("version"));
	}
}
