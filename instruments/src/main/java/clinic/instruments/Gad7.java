package clinic.instruments;

import java.util.List;

/**
 * GAD-7 (Spitzer 2006): seven items scored 0–3, total 0–21, severity bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–21 severe. A total of 10 or more warrants further evaluation.
 */
public record Gad7(List<Integer> items, int total, Band band, boolean warrantsEvaluation) {

	public static final int ITEMS = 7;

	public static final int MAX_ITEM_SCORE = 3;

	public static final int MAX_TOTAL = ITEMS * MAX_ITEM_SCORE;

	/** The published cut-off at which an anxiety disorder warrants further evaluation. */
	public static final int EVALUATION_FROM = 10;

	/** The published severity bands, lowest total first. */
	public enum Band {

		MINIMAL(0), MILD(5), MODERATE(10), SEVERE(15);

		private final int from;

		Band(int from) {
			this.from = from;
		}

		/** The band a total falls in. */
		public static Band of(int total) {
			return Answers.band(total, values(), band -> band.from);
		}
	}

	/** Scores a complete answer set; rejects a partial one or an answer out of range, naming the item. */
	public static Gad7 score(List<Integer> answers, String field) {
		int total = Answers.total(answers, ITEMS, MAX_ITEM_SCORE, "GAD-7", field);
		return new Gad7(List.copyOf(answers), total, Band.of(total), total >= EVALUATION_FROM);
	}

	/**
	 * The answers given so far (null where not yet answered), each checked against the item's range: a wrong one
	 * is named as {@link #score} names it.
	 */
	public static Progress progress(List<Integer> answers, String field) {
		return Answers.progress(answers, ITEMS, MAX_ITEM_SCORE, "GAD-7", field);
	}
}
