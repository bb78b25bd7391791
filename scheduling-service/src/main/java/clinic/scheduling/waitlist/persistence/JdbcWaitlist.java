package clinic.scheduling.waitlist.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.waitlist.Waitlist;
import clinic.scheduling.waitlist.WaitlistEntry;
import clinic.scheduling.waitlist.WaitlistOffer;

@Repository
class JdbcWaitlist implements Waitlist {

	private static final String ENTRY = """
			select e.*, course.patient_name from waitlist_entry e join course on course.id = e.course_id""";

	private static final String OFFER = """
			select o.*, chair.name as chair_name, entry.patient_id from waitlist_offer o
			join chair on chair.id = o.chair_id join waitlist_entry entry on entry.id = o.entry_id""";

	private final JdbcClient jdbc;

	JdbcWaitlist(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(WaitlistEntry e) {
		jdbc.sql("""
				insert into waitlist_entry (id, course_id, patient_id, site_id, days, earliest_start, latest_end,
				  chair_attributes, note, status, created_by, created_at)
				values (:id, :course, :patient, :site, cast(:days as int[]), :earliest, :latest,
				  cast(:attributes as text[]), :note, :status, :by, :at)""")
			.param("id", e.id())
			.param("course", e.courseId())
			.param("patient", e.patientId())
			.param("site", e.siteId())
			.param("days", "{" + e.days().stream().map(d -> String.valueOf(d.getValue())).sorted()
				.collect(Collectors.joining(",")) + "}")
			.param("earliest", e.earliestStart())
			.param("latest", e.latestEnd())
			.param("attributes", arrayLiteral(e.chairAttributes()))
			.param("note", e.note())
			.param("status", e.status().name())
			.param("by", e.createdBy())
			.param("at", timestamp(e.createdAt()))
			.update();
	}

	@Override
	public Optional<WaitlistEntry> findForUpdate(UUID id) {
		return jdbc.sql(ENTRY + " where e.id = :id for update of e").param("id", id).query(JdbcWaitlist::entry).optional();
	}

	@Override
	public List<WaitlistEntry> all(WaitlistEntry.@Nullable Status status) {
		return jdbc.sql(ENTRY + " where cast(:status as text) is null or e.status = cast(:status as text) order by e.created_at")
			.param("status", status == null ? null : status.name())
			.query(JdbcWaitlist::entry)
			.list();
	}

	@Override
	public List<WaitlistEntry> waitingOf(UUID courseId) {
		return jdbc.sql(ENTRY + " where e.course_id = :course and e.status = 'WAITING' order by e.created_at")
			.param("course", courseId)
			.query(JdbcWaitlist::entry)
			.list();
	}

	@Override
	public boolean isWaiting(UUID courseId) {
		return jdbc.sql("select exists (select 1 from waitlist_entry where course_id = :course and status = 'WAITING')")
			.param("course", courseId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<WaitlistEntry> waitingFreeAt(UUID siteId, Instant start, Instant end) {
		return jdbc.sql(ENTRY + """
				 where e.site_id = :site and e.status = 'WAITING' and course.status in ('TO_PLAN', 'ACTIVE')
				  and (select count(*) from appointment a where a.course_id = e.course_id and a.status <> 'cancelled')
				      < course.planned_infusions
				  and not exists (select 1 from appointment a where a.patient_id = e.patient_id
				      and a.status <> 'cancelled' and a.start_at < :end and a.end_at > :start)
				order by e.created_at, e.id""")
			.param("site", siteId)
			.param("start", timestamp(start))
			.param("end", timestamp(end))
			.query(JdbcWaitlist::entry)
			.list();
	}

	@Override
	public void close(UUID entryId, WaitlistEntry.Status status, Instant at) {
		jdbc.sql("update waitlist_entry set status = :status, closed_at = :at where id = :id")
			.param("status", status.name())
			.param("at", timestamp(at))
			.param("id", entryId)
			.update();
	}

	@Override
	public void insert(WaitlistOffer o) {
		jdbc.sql("""
				insert into waitlist_offer (id, entry_id, chair_id, start_at, end_at, freed_by, rank, status, offered_at)
				values (:id, :entry, :chair, :start, :end, :freed, :rank, :status, :at)""")
			.param("id", o.id())
			.param("entry", o.entryId())
			.param("chair", o.chairId())
			.param("start", timestamp(o.start()))
			.param("end", timestamp(o.end()))
			.param("freed", o.freedBy())
			.param("rank", o.rank())
			.param("status", o.status().name())
			.param("at", timestamp(o.offeredAt()))
			.update();
	}

	@Override
	public Optional<WaitlistOffer> findOfferForUpdate(UUID id) {
		return jdbc.sql(OFFER + " where o.id = :id for update of o").param("id", id).query(JdbcWaitlist::offer).optional();
	}

	@Override
	public List<WaitlistOffer> offersOfSlot(UUID freedBy) {
		return jdbc.sql(OFFER + " where o.freed_by = :freed order by o.rank")
			.param("freed", freedBy)
			.query(JdbcWaitlist::offer)
			.list();
	}

	@Override
	public List<WaitlistOffer> offersTo(List<UUID> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(OFFER + " where o.entry_id in (:entries) order by o.offered_at desc, o.rank")
			.param("entries", entryIds)
			.query(JdbcWaitlist::offer)
			.list();
	}

	@Override
	public void answer(UUID offerId, WaitlistOffer.Status status, @Nullable String by, Instant at) {
		jdbc.sql("update waitlist_offer set status = :status, answered_by = :by, answered_at = :at where id = :id")
			.param("status", status.name())
			.param("by", by)
			.param("at", timestamp(at))
			.param("id", offerId)
			.update();
	}

	@Override
	public void takeOpenOffers(UUID freedBy, UUID entryId, Instant at) {
		jdbc.sql("""
				update waitlist_offer set status = 'TAKEN', answered_at = :at
				where status = 'OFFERED' and (freed_by = :freed or entry_id = :entry)""")
			.param("at", timestamp(at))
			.param("freed", freedBy)
			.param("entry", entryId)
			.update();
	}

	@Override
	public void takeOpenOffersOfSlot(UUID freedBy, Instant at) {
		jdbc.sql("""
				update waitlist_offer set status = 'TAKEN', answered_at = :at
				where status = 'OFFERED' and freed_by = :freed""")
			.param("at", timestamp(at))
			.param("freed", freedBy)
			.update();
	}

	private static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
		return new WaitlistEntry(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("patient_name"), rs.getObject("site_id", UUID.class),
				days(rs.getArray("days")), rs.getObject("earliest_start", LocalTime.class),
				rs.getObject("latest_end", LocalTime.class), strings(rs.getArray("chair_attributes")),
				rs.getString("note"), WaitlistEntry.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	private static WaitlistOffer offer(ResultSet rs, int row) throws SQLException {
		return new WaitlistOffer(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("chair_id", UUID.class), rs.getString("chair_name"),
				instant(rs, "start_at"), instant(rs, "end_at"),
				rs.getObject("freed_by", UUID.class), rs.getInt("rank"),
				WaitlistOffer.Status.valueOf(rs.getString("status")), instant(rs, "offered_at"),
				rs.getString("answered_by"), instant(rs, "answered_at"));
	}

	/** A PostgreSQL array literal of the strings, each quoted. */
	private static String arrayLiteral(Set<String> values) {
		return values.stream()
			.sorted()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static Set<DayOfWeek> days(Array array) throws SQLException {
		return Arrays.stream((Integer[]) array.getArray()).map(DayOfWeek::of).collect(Collectors.toSet());
	}

	private static Set<String> strings(Array array) throws SQLException {
		return new HashSet<>(Arrays.asList((String[]) array.getArray()));
	}
}
