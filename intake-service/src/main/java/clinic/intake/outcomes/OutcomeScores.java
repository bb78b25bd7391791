package clinic.intake.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
			.query((rs, n) -> new OutcomeScore(rs.getObject("patient_id", UUID.class), rs.getString("instrument"),
					rs.getInt("total"), Source.valueOf(rs.getString("source")), rs.getObject("source_id", UUID.class),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}
}
