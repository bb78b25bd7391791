package clinic.scheduling.hl7;

import static clinic.platform.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.scheduling.SchedulingSettings;

/**
 * Reads an appointment or a consultation as an SIU message tells it: with its site, room and chair, the patient as
 * intake registered them (MRN, name, birth date; for an infusion of a patient scheduling knows only from the
 * eligibility decision, the course's name), the first appointment of its chain of moves and who changed it last.
 */
@Component
class Visits {

	private final JdbcClient jdbc;

	private final SchedulingSettings settings;

	Visits(JdbcClient jdbc, SchedulingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	Optional<Visit> appointment(UUID id) {
		return jdbc.sql("""
				with recursive chain (id, rescheduled_from) as (
				  select id, rescheduled_from from appointment where id = :id
				  union all
				  select a.id, a.rescheduled_from from appointment a join chain c on a.id = c.rescheduled_from)
				select a.id, a.kind, a.sequence, a.start_at, a.end_at, a.status, a.cancellation_reason, a.patient_id,
				  (select id from chain where rescheduled_from is null) as placer_id,
				  c.patient_name, c.planned_infusions, rp.mrn, rp.given_name, rp.family_name, rp.birth_date,
				  s.name as site_name, s.time_zone, r.name as room_name, ch.name as chair_name, null as clinician,
				  (select h.changed_by from appointment_history h where h.appointment_id = a.id
				   order by h.id desc limit 1) as changed_by
				from appointment a
				join course c on c.id = a.course_id
				join chair ch on ch.id = a.chair_id
				join site s on s.id = ch.site_id
				left join room r on r.id = ch.room_id
				left join registered_patient rp on rp.id = a.patient_id
				where a.id = :id""").param("id", id).query(this::visit).optional();
	}

	Optional<Visit> consultation(UUID id) {
		return jdbc.sql("""
				with recursive chain (id, rescheduled_from) as (
				  select id, rescheduled_from from consultation where id = :id
				  union all
				  select k.id, k.rescheduled_from from consultation k join chain c on k.id = c.rescheduled_from)
				select k.id, 'CONSULTATION' as kind, 0 as sequence, k.start_at, k.end_at, k.status,
				  k.cancellation_reason, k.patient_id,
				  (select id from chain where rescheduled_from is null) as placer_id,
				  null as patient_name, 0 as planned_infusions, rp.mrn, rp.given_name, rp.family_name, rp.birth_date,
				  s.name as site_name, s.time_zone, r.name as room_name, null as chair_name, k.clinician,
				  (select h.changed_by from consultation_history h where h.consultation_id = k.id
				   order by h.id desc limit 1) as changed_by
				from consultation k
				join registered_patient rp on rp.id = k.patient_id
				join site s on s.id = k.site_id
				left join room r on r.id = k.room_id
				where k.id = :id""").param("id", id).query(this::visit).optional();
	}

	private Visit visit(ResultSet rs, int row) throws SQLException {
		var family = rs.getString("family_name");
		var given = rs.getString("given_name");
		if (family == null) {
			// not registered through intake (an older patient known from the eligibility decision): the course's name,
			// its last word taken as the family name
			var name = rs.getString("patient_name").strip();
			int space = name.lastIndexOf(' ');
			family = space < 0 ? name : name.substring(space + 1);
			given = space < 0 ? null : name.substring(0, space);
		}
		var zone = rs.getString("time_zone");
		var changedBy = rs.getString("changed_by");
		return new Visit(rs.getObject("id", UUID.class), rs.getObject("placer_id", UUID.class),
				Visit.Kind.valueOf(rs.getString("kind")), rs.getInt("sequence"), rs.getInt("planned_infusions"),
				instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("status"),
				rs.getString("cancellation_reason"), rs.getObject("patient_id", UUID.class), rs.getString("mrn"), given,
				family, rs.getObject("birth_date", LocalDate.class), rs.getString("site_name"),
				zone == null ? settings.timeZone() : ZoneId.of(zone), rs.getString("room_name"),
				rs.getString("chair_name"), rs.getString("clinician"), changedBy == null ? "scheduling-service" : changedBy);
	}
}
