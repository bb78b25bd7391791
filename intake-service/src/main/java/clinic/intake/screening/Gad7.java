package clinic.intake.screening;

import java.util.List;

import clinic.platform.problems.InvalidInputException;

/**
 * GAD-7 (Spitzer 2006): seven items scored 0–3, total 0–21, severity bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–21 severe. A total of 10 or more warrants further evaluation.
 */
public record Gad7(List<Integer> items, int total, Band band, boolean warrantsEvaluation) {

	public static final int ITEMS = 7;

	public static final int MAX_ITEM_SCORE = 3;

	/** The published cut-off at which an anxiety disorder warrants further evaluation. */
	public static final int EVALUATION_FROM = 10;

	/** The published severity bands, lowest total first. */
	public enum Band {

		MINIMAL(0), MILD(5), MODERATE(10), SEVERE(15);

		private final int from;

		Band(int from) {
			this.from = from;
		}

		static Band of(int total) {
			var bands = values();
			for (int i = bands.length - 1; i > 0; i--) {
				if (total >= bands[i].from) {
					return bands[i];
				}
			}
			return bands[0];
		}
	}

	/** Scores a complete answer set; rejects a partial one or an answer out of range, naming the item. */
	public static Gad7 score(List<Integer> answers, String field) {
		if (answers == null || answers.size() != ITEMS) {
			throw new InvalidInputException(field, "GAD-7 needs all " + ITEMS + " answers, got "
					+ (answers == null ? 0 : answers.size()));
		}
		for (int i = 0; i < ITEMS; i++) {
			var answer = answers.get(i);
			if (answer == null || answer < 0 || answer > MAX_ITEM_SCORE) {
				throw new InvalidInputException(field + "[" + i + "]",
						"GAD-7 item " + (i + 1) + " must be 0 to " + MAX_ITEM_SCORE + ", got " + answer);
			}
		}
		int total = answers.stream().mapToInt(Integer::intValue).sum();
		return new Gad7(List.copyOf(answers), total, Band.of(total), total >= EVALUATION_FROM);
	}
}
