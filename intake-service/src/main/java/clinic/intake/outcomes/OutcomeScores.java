package clinic.intake.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.patients.Found;

/** The series of scores per patient. A score from the same source is recorded once. */
@Repository
public class OutcomeScores {

	public static final String PHQ9 = "PHQ-9";

	public static final String GAD7 = "GAD-7";

	public static final String PCL5 = "PCL-5";

	/** The instruments tracked over time. */
	public static final List<String> INSTRUMENTS = List.of(PHQ9, GAD7, PCL5);

	public enum Source {
		SCREENING, SESSION
	}

	private final JdbcClient jdbc;

	OutcomeScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	public List<OutcomeScore> series(UUID patientId, String instrument) {
		return jdbc.sql("""
				select * from outcome_score where patient_id = :patient and instrument = :instrument
				order by recorded_at, id""")
			.param("patient", patientId)
			.param("instrument", instrument)
			.query(OutcomeScores::score)
			.list();
	}

	/**
	 * Which scores a search asks for: the patient (null: any), recorded in {@code [from, before)} (either null: open),
	 * of these instruments (empty: all).
	 */
	public record Criteria(@Nullable UUID patientId, @Nullable Instant from, @Nullable Instant before,
			List<String> instruments) {

		public Criteria {
			instruments = List.copyOf(instruments);
		}
	}

	/**
	 * One page of the scores a search finds, earliest first, then by {@link #key} (as text, byte by byte), so that
	 * every page and every service answering the same FHIR search in the same order (the gateway merges them) agree.
	 * Times are compared to the millisecond, as FHIR's dateTime shows them.
	 */
	public Found<OutcomeScore> search(Criteria criteria, int offset, int limit) {
		var conditions = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		if (criteria.patientId() != null) {
			conditions.add("patient_id = :patient");
			params.put("patient", criteria.patientId());
		}
		if (criteria.from() != null) {
			conditions.add("recorded_at >= :from");
			params.put("from", Timestamp.from(criteria.from()));
		}
		if (criteria.before() != null) {
			conditions.add("recorded_at < :before");
			params.put("before", Timestamp.from(criteria.before()));
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
			.query(OutcomeScores::score)
			.list();
		return new Found<>(items, total);
	}

	/** The score of this instrument that this source recorded, if any. */
	public Optional<OutcomeScore> find(Source source, UUID sourceId, String instrument) {
		return jdbc.sql("""
				select * from outcome_score where source = :source and source_id = :sourceId
				  and instrument = :instrument""")
			.param("source", source.name())
			.param("sourceId", sourceId)
			.param("instrument", instrument)
			.query(OutcomeScores::score)
			.optional();
	}

	/**
	 * A score's name among all the patients' scores: its source, instrument and the source's id, e.g.
	 * {@code screening-phq9-<screening id>} (what FHIR calls the score's Observation).
	 */
	public static String key(OutcomeScore score) {
		return score.source().name().toLowerCase(Locale.ROOT) + "-" + slug(score.instrument()) + "-"
				+ score.sourceId();
	}

	/** An instrument's name without its dash, lower case: {@code phq9}, {@code gad7}, {@code pcl5}. */
	public static String slug(String instrument) {
		return instrument.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static OutcomeScore score(ResultSet rs, int row) throws SQLException {
		return new OutcomeScore(rs.getObject("patient_id", UUID.class), rs.getString("instrument"), rs.getInt("total"),
				Source.valueOf(rs.getString("source")), rs.getObject("source_id", UUID.class),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
