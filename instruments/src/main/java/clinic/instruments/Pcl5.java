package clinic.instruments;

import java.util.List;

/**
 * PCL-5 (PTSD Checklist for DSM-5, National Center for PTSD scoring guide): twenty items scored 0–4, total 0–80.
 * A total at or above the clinic's cut-off (published range 31–33, a clinic setting the caller passes) suggests
 * probable PTSD. The guide validates no severity bands, so none are given. The cut-off applied is kept with the
 * score.
 */
public record Pcl5(List<Integer> items, int total, int cutoff, boolean probablePtsd) {

	public static final int ITEMS = 20;

	public static final int MAX_ITEM_SCORE = 4;

	public static final int MAX_TOTAL = ITEMS * MAX_ITEM_SCORE;

	/**
	 * Scores a complete answer set; rejects a partial one or an answer out of range, naming the item. A cut-off
	 * outside 0–80 is the caller's mistake, not the patient's: {@link IllegalArgumentException}.
	 */
	public static Pcl5 score(List<Integer> answers, int cutoff, String field) {
		if (cutoff < 0 || cutoff > MAX_TOTAL) {
			throw new IllegalArgumentException("PCL-5 cut-off must be 0 to " + MAX_TOTAL + ", got " + cutoff);
		}
		int total = Answers.total(answers, ITEMS, MAX_ITEM_SCORE, "PCL-5", field);
		return new Pcl5(List.copyOf(answers), total, cutoff, total >= cutoff);
	}

	/**
	 * The answers given so far (null where not yet answered), each checked against the item's range: a wrong one
	 * is named as {@link #score} names it.
	 */
	public static Progress progress(List<Integer> answers, String field) {
		return Answers.progress(answers, ITEMS, MAX_ITEM_SCORE, "PCL-5", field);
	}
}
