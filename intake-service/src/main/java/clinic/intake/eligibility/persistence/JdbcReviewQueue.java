package clinic.intake.eligibility.persistence;

import static clinic.platform.jdbc.Timestamps.instant;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.eligibility.Outcome;
import clinic.intake.eligibility.Proposal;
import clinic.intake.eligibility.ReviewItem;
import clinic.intake.eligibility.ReviewQueue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcReviewQueue implements ReviewQueue {

	private static final TypeReference<List<Proposal.Reason>> REASONS = new TypeReference<>() {
	};

	private static final TypeReference<List<ReviewItem.Flag>> FLAGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcReviewQueue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/*
	 * Each patient's latest screening (DISTINCT ON over the (patient_id, screened_at) index), kept when no decision
	 * was signed at or after it, joined in full with each patient's open review flags (which make the item urgent);
	 * urgent first, then the oldest first (the earlier of the screening and the first open flag).
	 */
	@Override
	public List<ReviewItem> waiting() {
		return jdbc.sql("""
				with pending as (
				  select s.* from (select distinct on (patient_id) id, patient_id, screened_at, proposed_outcome, urgent,
				                          proposal_reasons
				                   from screening
				                   order by patient_id, screened_at desc, id) s
				  where not exists (select 1 from eligibility_decision d
				                    where d.patient_id = s.patient_id and d.decided_at >= s.screened_at)),
				open_flags as (
				  select patient_id, min(raised_at) as first_raised,
				         jsonb_agg(jsonb_build_object('id', id, 'grade', grade, 'reason', reason,
				                   'raisedAt', to_char(raised_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
				                   order by raised_at, id) as flags
				  from patient_review_flag
				  where flags_review and cleared_at is null
				  group by patient_id)
				select coalesce(s.patient_id, f.patient_id) as patient_id, p.mrn, p.given_name, p.family_name,
				       s.id as screening_id, s.screened_at, s.proposed_outcome,
				       coalesce(s.urgent, false) or f.patient_id is not null as urgent,
				       coalesce(s.proposal_reasons, '[]'::jsonb) as proposal_reasons,
				       coalesce(f.flags, '[]'::jsonb) as flags
				from pending s
				full join open_flags f on f.patient_id = s.patient_id
				left join patient p on p.id = coalesce(s.patient_id, f.patient_id)
				order by 8 desc, least(s.screened_at, f.first_raised), 1""")
			.query((rs, n) -> {
				var proposed = rs.getString("proposed_outcome");
				var given = rs.getString("given_name");
				return new ReviewItem(rs.getObject("patient_id", UUID.class), rs.getString("mrn"),
						given == null ? null : given + " " + rs.getString("family_name"),
						rs.getObject("screening_id", UUID.class), instant(rs, "screened_at"),
						proposed == null ? null : Outcome.valueOf(proposed), rs.getBoolean("urgent"),
						json.readValue(rs.getString("proposal_reasons"), REASONS),
						json.readValue(rs.getString("flags"), FLAGS));
			})
			.list();
	}
}
