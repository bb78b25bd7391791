package clinic.intake.outcomes.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.outcomes.OutcomeScore;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.patients.Found;

@Repository
class JdbcOutcomeScores implements OutcomeScores {

	private final JdbcClient jdbc;

	JdbcOutcomeScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(UUID patientId, String instrument, int total, Source source, UUID sourceId, Instant at) {
		jdbc.sql("""
				insert into outcome_score (patient_id, instrument, total, source, source_id, recorded_at)
				values (:patient, :instrument, :total, :source, :sourceId, :at)
				on conflict (source, source_id, instrument) do nothing""")
			.param("patient", patientId)
			.param("instrument", instrument)
			.param("total", total)
			.param("source", source.name())
			.param("sourceId", sourceId)
			.param("at", timestamp(at))
			.update();
	}

	@Override
	public List<OutcomeScore> series(UUID patientId, String instrument) {
		return jdbc.sql("""
				select * from outcome_score where patient_id = :patient and instrument = :instrument
				order by recorded_at, id""")
			.param("patient", patientId)
			.param("instrument", instrument)
			.query(JdbcOutcomeScores::score)
			.list();
	}

	@Override
	public Found<OutcomeScore> search(Criteria criteria, int offset, int limit) {
		var conditions = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		if (criteria.patientId() != null) {
			conditions.add("patient_id = :patient");
			params.put("patient", criteria.patientId());
		}
		if (criteria.from() != null) {
			conditions.add("recorded_at >= :from");
			params.put("from", timestamp(criteria.from()));
		}
		if (criteria.before() != null) {
			conditions.add("recorded_at < :before");
			params.put("before", timestamp(criteria.before()));
		}
		if (!criteria.instruments().isEmpty()) {
			conditions.add("instrument in (:instruments)");
			params.put("instruments", criteria.instruments());
		}
		var where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = jdbc.sql("select count(*) from outcome_score" + where).params(params).query(Long.class).single();
		var items = jdbc.sql("select * from outcome_score" + where + " " + """
				 order by date_trunc('milliseconds', recorded_at),
				   (lower(source) || '-' || lower(replace(instrument, '-', '')) || '-' || source_id::text) collate "C"
				 offset :offset limit :limit""")
			.params(params)
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcOutcomeScores::score)
			.list();
		return new Found<>(items, total);
	}

	@Override
	public Optional<OutcomeScore> find(Source source, UUID sourceId, String instrument) {
		return jdbc.sql("""
				select * from outcome_score where source = :source and source_id = :sourceId
				  and instrument = :instrument""")
			.param("source", source.name())
			.param("sourceId", sourceId)
			.param("instrument", instrument)
			.query(JdbcOutcomeScores::score)
			.optional();
	}

	private static OutcomeScore score(ResultSet rs, int row) throws SQLException {
		return new OutcomeScore(rs.getObject("patient_id", UUID.class), rs.getString("instrument"), rs.getInt("total"),
				Source.valueOf(rs.getString("source")), rs.getObject("source_id", UUID.class),
				instant(rs, "recorded_at"));
	}
}
