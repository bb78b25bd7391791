package clinic.instruments;

import java.util.List;

/**
 * PHQ-9 (Kroenke 2001): nine items scored 0–3, total 0–27, severity bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–19 moderately severe, 20–27 severe. Any answer above 0 on item 9 (thoughts of self-harm) is a suicide-risk flag.
 */
public record Phq9(List<Integer> items, int total, Band band, boolean suicideRiskFlag) {

	public static final int ITEMS = 9;

	public static final int MAX_ITEM_SCORE = 3;

	public static final int MAX_TOTAL = ITEMS * MAX_ITEM_SCORE;

	/** The published severity bands, lowest total first. */
	public enum Band {

		MINIMAL(0), MILD(5), MODERATE(10), MODERATELY_SEVERE(15), SEVERE(20);

		private final int from;

		Band(int from) {
			this.from = from;
		}

		/** The band a total falls in. */
		public static Band of(int total) {
			return Answers.band(total, values(), band -> band.from);
		}
	}

	/**
	 * Scores a complete answer set; rejects a partial one or an answer out of range, naming the item under
	 * {@code field} (e.g. {@code "phq9"} gives {@code "phq9[3]"}).
	 */
	public static Phq9 score(List<Integer> answers, String field) {
		int total = Answers.total(answers, ITEMS, MAX_ITEM_SCORE, "PHQ-9", field);
		return new Phq9(List.copyOf(answers), total, Band.of(total), answers.get(ITEMS - 1) > 0);
	}

	/**
	 * The answers given so far (null where not yet answered), each checked against the item's range: a wrong one
	 * is named as {@link #score} names it.
	 */
	public static Progress progress(List<Integer> answers, String field) {
		return Answers.progress(answers, ITEMS, MAX_ITEM_SCORE, "PHQ-9", field);
	}
}
