package clinic.instruments;

import java.util.List;

/**
 * CADSS-6 (Rodrigues 2021): items 1, 2, 6, 7, 15 and 22 of the CADSS, each 0–4, total 0–24; recorded per session,
 * no cut-off.
 */
public record Cadss6(List<Integer> items, int total) {

	public static final int ITEMS = 6;

	public static final int MAX_ITEM_SCORE = 4;

	public static final int MAX_TOTAL = ITEMS * MAX_ITEM_SCORE;

	/** Scores a complete answer set; rejects a partial one or an answer out of range, naming the item. */
	public static Cadss6 score(List<Integer> answers, String field) {
		int total = Answers.total(answers, ITEMS, MAX_ITEM_SCORE, "CADSS-6", field);
		return new Cadss6(List.copyOf(answers), total);
	}

	/**
	 * The answers given so far (null where not yet answered), each checked against the item's range: a wrong one
	 * is named as {@link #score} names it.
	 */
	public static Progress progress(List<Integer> answers, String field) {
		return Answers.progress(answers, ITEMS, MAX_ITEM_SCORE, "CADSS-6", field);
	}
}
