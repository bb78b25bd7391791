package clinic.intake.eligibility.persistence;

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

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcReviewQueue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/*
	 * Each patient's latest screening (DISTINCT ON over the (patient_id, screened_at) index), kept when no decision
	 * was signed at or after it; urgent first, then the oldest screening first.
	 */
	@Override
	public List<ReviewItem> waiting() {
		return jdbc.sql("""
				select p.id as patient_id, p.mrn, p.given_name, p.family_name, s.id as screening_id, s.screened_at,
				       s.proposed_outcome, s.urgent, s.proposal_reasons
				from (select distinct on (patient_id) id, patient_id, screened_at, proposed_outcome, urgent,
				             proposal_reasons
				      from screening
				      order by patient_id, screened_at desc, id) s
				join patient p on p.id = s.patient_id
				where not exists (select 1 from eligibility_decision d
				                  where d.patient_id = s.patient_id and d.decided_at >= s.screened_at)
				order by s.urgent desc, s.screened_at, s.id""")
			.query((rs, n) -> new ReviewItem(rs.getObject("patient_id", UUID.class), rs.getString("mrn"),
					rs.getString("given_name") + " " + rs.getString("family_name"),
					rs.getObject("screening_id", UUID.class), rs.getTimestamp("screened_at").toInstant(),
					Outcome.valueOf(rs.getString("proposed_outcome")), rs.getBoolean("urgent"),
					json.readValue(rs.getString("proposal_reasons"), REASONS)))
			.list();
	}
}
