package clinic.session.fhir.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.session.fhir.ChartViews;
import clinic.platform.fhir.DateBounds;

/**
 * The session records as FHIR reads them, one query per resource type: a view with the columns every search filters
 * on ({@code fhir_id}, {@code at}, {@code tz}: the site's time zone, {@code patient_id}, {@code session_id},
 * {@code appointment_id}, {@code state}, {@code code}), filtered, counted and paged by date then id (bytewise, as a
 * Java string compares, so that pages merged with another service's come in one order).
 */
@Component
class JdbcChartViews implements ChartViews {

	private static final String SESSIONS = """
			select r.id::text as fhir_id, r.id, coalesce(r.checked_in_at, r.opened_at) as at, a.time_zone as tz,
			  r.patient_id, r.id as session_id, r.appointment_id,
			  case when r.status = 'COMPLETED' then 'finished' when r.checked_in_at is null then 'arrived'
			    else 'in-progress' end as state,
			  null as code, r.opened_at, r.checked_in_at, r.checked_in_by, r.completed_at, r.nurse_signed_by,
			  r.clinician_signed_by, a.chair_id, a.chair_name, a.site_name, a.kind, r.route,
			  case when r.route = 'IV' and r.infusion_ended_at is null then 'in-progress'
			    when r.infusion_end_reason is not null then 'stopped' else 'completed' end as dose_state,
			  r.dosed_at, r.administered_by, r.dose_mg, r.planned_dose_mg, r.weight_kg, r.infusion_rate_mg_per_h,
			  r.drug_lot, r.prepared_by, r.infusion_ended_at, r.infusion_end_reason
			from session_record r left join booked_appointment a on a.appointment_id = r.appointment_id""";

	/** The doses: the records with one given, at the time it was, with the dose's status as the state. */
	private static final String DOSES = """
			select fhir_id, id, dosed_at as at, tz, patient_id, session_id, appointment_id, dose_state as state, code,
			  opened_at, checked_in_at, checked_in_by, completed_at, nurse_signed_by, clinician_signed_by, chair_id,
			  chair_name, site_name, kind, route, dose_state, dosed_at, administered_by, dose_mg, planned_dose_mg,
			  weight_kg, infusion_rate_mg_per_h, drug_lot, prepared_by, infusion_ended_at, infusion_end_reason
			from (%s) s where dosed_at is not null""".formatted(SESSIONS);

	private static final String MEASURES = """
			select k.kind || '-' || v.id as fhir_id, k.kind, v.id as entry_id, v.taken_at as at, a.time_zone as tz,
			  r.patient_id, v.session_id, r.appointment_id, 'final' as state, k.kind as code, v.taken_by as by_whom,
			  v.phase, v.systolic, v.diastolic, v.heart_rate, v.spo2, v.respiratory_rate, null::text as items,
			  null::int as total
			from vitals_reading v join session_record r on r.id = v.session_id
			  left join booked_appointment a on a.appointment_id = r.appointment_id
			  cross join (values ('bp'), ('hr'), ('spo2'), ('rr')) as k(kind)
			union all
			select 'cadss-' || c.id, 'cadss', c.id, c.recorded_at, a.time_zone, r.patient_id, c.session_id,
			  r.appointment_id, 'final', 'cadss', c.recorded_by, null, null, null, null, null, null, c.items::text,
			  c.total
			from cadss_score c join session_record r on r.id = c.session_id
			  left join booked_appointment a on a.appointment_id = r.appointment_id""";

	/** Adverse events (state: seriousness, code: severity) and side effects (never serious). */
	private static final String HARMS = """
			select e.id::text as fhir_id, e.id as adverse_event_id, null::bigint as side_effect_id, e.reported_at as at,
			  a.time_zone as tz, r.patient_id, e.session_id, r.appointment_id,
			  case when e.grade = 'SERIOUS' then 'Serious' else 'Non-serious' end as state,
			  case when e.grade = 'SERIOUS' then 'severe' else lower(e.grade) end as code, e.reported_by as by_whom,
			  e.grade, null as effect, e.description as text, r.dosed_at is not null and r.dosed_at <= e.reported_at
			    as dosed
			from adverse_event e join session_record r on r.id = e.session_id
			  left join booked_appointment a on a.appointment_id = r.appointment_id
			union all
			select '%s' || s.id, null, s.id, s.recorded_at, a.time_zone, r.patient_id, s.session_id,
			  r.appointment_id, 'Non-serious', lower(s.severity), s.recorded_by, s.severity, s.effect, s.note,
			  r.dosed_at is not null and r.dosed_at <= s.recorded_at
			from side_effect s join session_record r on r.id = s.session_id
			  left join booked_appointment a on a.appointment_id = r.appointment_id""".formatted(SIDE_EFFECT);

	private final JdbcClient jdbc;

	JdbcChartViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Session> session(UUID id) {
		return jdbc.sql("select * from (" + SESSIONS + ") s where id = :id").param("id", id).query(this::sessionRow)
			.optional();
	}

	@Override
	public Found<Session> sessions(Search search) {
		return search(SESSIONS, search, this::sessionRow);
	}

	@Override
	public Found<Session> doses(Search search) {
		return search(DOSES, search, this::sessionRow);
	}

	@Override
	public Optional<Measure> measure(String kind, long entryId) {
		return jdbc.sql("select * from (" + MEASURES + ") s where kind = :kind and entry_id = :entry")
			.param("kind", kind)
			.param("entry", entryId)
			.query(this::measureRow)
			.optional();
	}

	@Override
	public Found<Measure> measures(Search search) {
		return search(MEASURES, search, this::measureRow);
	}

	@Override
	public Optional<Harm> adverseEvent(UUID id) {
		return jdbc.sql("select * from (" + HARMS + ") s where adverse_event_id = :id").param("id", id)
			.query(this::harmRow)
			.optional();
	}

	@Override
	public Optional<Harm> sideEffect(long id) {
		return jdbc.sql("select * from (" + HARMS + ") s where side_effect_id = :id").param("id", id)
			.query(this::harmRow)
			.optional();
	}

	@Override
	public Found<Harm> harms(Search search) {
		return search(HARMS, search, this::harmRow);
	}

	private <T> Found<T> search(String view, Search search, RowMapper<T> rows) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (search.patientId() != null) {
			where.add("patient_id = :patient");
			params.put("patient", search.patientId());
		}
		if (search.sessionId() != null) {
			where.add("session_id = :session");
			params.put("session", search.sessionId());
		}
		if (search.appointmentId() != null) {
			where.add("appointment_id = :appointment");
			params.put("appointment", search.appointmentId());
		}
		if (search.states() != null) {
			if (search.states().isEmpty()) {
				return new Found<>(List.of(), 0);
			}
			where.add("state in (:states)");
			params.put("states", List.copyOf(search.states()));
		}
		if (search.codes() != null) {
			if (search.codes().isEmpty()) {
				return new Found<>(List.of(), 0);
			}
			where.add("code in (:codes)");
			params.put("codes", List.copyOf(search.codes()));
		}
		bound(search.date().from(), ">=", "from", where, params);
		bound(search.date().before(), "<", "before", where, params);
		var filtered = "select * from (" + view + ") s" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
		var total = jdbc.sql("select count(*) from (" + filtered + ") c").params(params).query(Long.class).single();
		if (total <= search.offset()) {
			return new Found<>(List.of(), total);
		}
		params.put("limit", search.limit());
		params.put("offset", search.offset());
		var items = jdbc.sql(filtered + " order by at, fhir_id collate \"C\" limit :limit offset :offset")
			.params(params)
			.query(rows)
			.list();
		return new Found<>(items, total);
	}

	/** A bound at an instant, or at a local time on the clock of the session's site (UTC while it is unknown). */
	private static void bound(DateBounds.@Nullable Bound bound, String operator, String name, List<String> where,
			Map<String, Object> params) {
		if (bound == null) {
			return;
		}
		if (bound.instant() != null) {
			where.add("at " + operator + " :" + name);
			params.put(name, timestamp(bound.instant()));
		}
		else {
			where.add("(at at time zone coalesce(tz, 'UTC')) " + operator + " :" + name);
			params.put(name, bound.local());
		}
	}

	private Session sessionRow(ResultSet rs, int n) throws SQLException {
		var dosedAt = instant(rs, "dosed_at");
		var dose = dosedAt == null ? null
				: new Dose(rs.getString("dose_state"), dosedAt, rs.getString("administered_by"),
						rs.getBigDecimal("dose_mg"), rs.getBigDecimal("planned_dose_mg"), rs.getBigDecimal("weight_kg"),
						rs.getBigDecimal("infusion_rate_mg_per_h"), rs.getString("drug_lot"),
						rs.getString("prepared_by"), instant(rs, "infusion_ended_at"),
						rs.getString("infusion_end_reason"));
		return new Session(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("state"), instant(rs, "opened_at"),
				instant(rs, "checked_in_at"), rs.getString("checked_in_by"), instant(rs, "completed_at"),
				rs.getString("nurse_signed_by"), rs.getString("clinician_signed_by"),
				rs.getObject("chair_id", UUID.class), rs.getString("chair_name"), rs.getString("site_name"),
				rs.getString("kind"), rs.getString("route"), dose);
	}

	private Measure measureRow(ResultSet rs, int n) throws SQLException {
		var items = rs.getString("items");
		return new Measure(rs.getString("kind"), rs.getLong("entry_id"), rs.getObject("session_id", UUID.class),
				rs.getObject("patient_id", UUID.class), instant(rs, "at"), rs.getString("by_whom"),
				rs.getString("phase"), integer(rs, "systolic"), integer(rs, "diastolic"), integer(rs, "heart_rate"),
				integer(rs, "spo2"), integer(rs, "respiratory_rate"), items == null ? null : integers(items),
				integer(rs, "total"));
	}

	private Harm harmRow(ResultSet rs, int n) throws SQLException {
		var sideEffect = rs.getLong("side_effect_id");
		var isSideEffect = !rs.wasNull();
		return new Harm(rs.getObject("adverse_event_id", UUID.class), isSideEffect ? sideEffect : null,
				rs.getObject("session_id", UUID.class), rs.getObject("patient_id", UUID.class), instant(rs, "at"),
				rs.getString("by_whom"), rs.getString("grade"), rs.getString("effect"), rs.getString("text"),
				rs.getBoolean("dosed"));
	}

	/** A JSON array of small integers as stored ({@code [1, 0, 2]}). */
	private static List<Integer> integers(String json) {
		var inner = json.strip().replace("[", "").replace("]", "").strip();
		return inner.isEmpty() ? List.of()
				: Arrays.stream(inner.split(",")).map(String::strip).map(Integer::valueOf).toList();
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		var value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
