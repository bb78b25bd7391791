package clinic.intake.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.intake.patients.Found;

/** Where the series of scores per patient are kept. A score from the same source is recorded once. */
public interface OutcomeScores {

	String PHQ9 = "PHQ-9";

	String GAD7 = "GAD-7";

	String PCL5 = "PCL-5";

	/** The instruments tracked over time. */
	List<String> INSTRUMENTS = List.of(PHQ9, GAD7, PCL5);

	enum Source {
		SCREENING, SESSION
	}

	/** Records the score, unless this source already recorded this instrument's. */
	void record(UUID patientId, String instrument, int total, Source source, UUID sourceId, Instant at);

	/** The patient's scores of the instrument, earliest first. */
	List<OutcomeScore> series(UUID patientId, String instrument);

	/**
	 * Which scores a search asks for: the patient (null: any), recorded in {@code [from, before)} (either null: open),
	 * of these instruments (empty: all).
	 */
	record Criteria(@Nullable UUID patientId, @Nullable Instant from, @Nullable Instant before,
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
	Found<OutcomeScore> search(Criteria criteria, int offset, int limit);

	/** The score of this instrument that this source recorded, if any. */
	Optional<OutcomeScore> find(Source source, UUID sourceId, String instrument);

	/**
	 * A score's name among all the patients' scores: its source, instrument and the source's id, e.g.
	 * {@code screening-phq9-<screening id>} (what FHIR calls the score's Observation).
	 */
	static String key(OutcomeScore score) {
		return score.source().name().toLowerCase(Locale.ROOT) + "-" + slug(score.instrument()) + "-"
				+ score.sourceId();
	}

	/** An instrument's name without its dash, lower case: {@code phq9}, {@code gad7}, {@code pcl5}. */
	static String slug(String instrument) {
		return instrument.replace("-", "").toLowerCase(Locale.ROOT);
	}
}
