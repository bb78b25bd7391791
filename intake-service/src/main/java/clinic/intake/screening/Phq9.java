package clinic.intake.screening;

import java.util.List;

import clinic.platform.problems.InvalidInputException;

/**
 * PHQ-9 (Kroenke 2001): nine items scored 0–3, total 0–27, severity bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–19 moderately severe, 20–27 severe. Any answer above 0 on item 9 (thoughts of self-harm) is a suicide-risk flag.
 */
public record Phq9(List<Integer> items, int total, Band band, boolean suicideRiskFlag) {

	public static final int ITEMS = 9;

	public static final int MAX_ITEM_SCORE = 3;

	/** The published severity bands, lowest total first. */
	public enum Band {

		MINIMAL(0), MILD(5), MODERATE(10), MODERATELY_SEVERE(15), SEVERE(20);

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
	public static Phq9 score(List<Integer> answers, String field) {
		if (answers == null || answers.size() != ITEMS) {
			throw new InvalidInputException(field, "PHQ-9 needs all " + ITEMS + " answers, got "
					+ (answers == null ? 0 : answers.size()));
		}
		for (int i = 0; i < ITEMS; i++) {
			var answer = answers.get(i);
			if (answer == null || answer < 0 || answer > MAX_ITEM_SCORE) {
				throw new InvalidInputException(field + "[" + i + "]",
						"PHQ-9 item " + (i + 1) + " must be 0 to " + MAX_ITEM_SCORE + ", got " + answer);
			}
		}
		int total = answers.stream().mapToInt(Integer::intValue).sum();
		return new Phq9(List.copyOf(answers), total, Band.of(total), answers.get(ITEMS - 1) > 0);
	}
}
