package clinic.session.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CADSS-6 score recorded during a session: the score ({@link clinic.instruments.Cadss6}: items 1, 2, 6, 7, 15
 * and 22 of the CADSS, each 0–4, total 0–24, no cut-off) with who recorded it and when.
 */
public record Cadss6(clinic.instruments.Cadss6 score, String recordedBy, Instant recordedAt) {

	public Cadss6 {
		Objects.requireNonNull(score, "score");
	}

	/** Scores the items (400 naming {@code items} or {@code items[i]} when they cannot be scored). */
	public Cadss6(List<Integer> items, String recordedBy, Instant recordedAt) {
		this(Questionnaires.cadss6(items), recordedBy, recordedAt);
	}

	public List<Integer> items() {
		return score.items();
	}

	public int total() {
		return score.total();
	}
}
