package clinic.instruments;

import java.util.List;

/** A questionnaire's item answers: all present, each in the item's published range, the wrong one named. */
final class Answers {

	private Answers() {
	}

	/** Checks the answers and returns their total. */
	static int total(List<Integer> answers, int items, int maxItemScore, String instrument, String field) {
		if (answers == null || answers.size() != items) {
			throw new InvalidAnswerException(field, instrument, null, instrument + " needs all " + items
					+ " answers, got " + (answers == null ? 0 : answers.size()));
		}
		for (int i = 0; i < items; i++) {
			var answer = answers.get(i);
			if (answer == null || answer < 0 || answer > maxItemScore) {
				throw new InvalidAnswerException(field + "[" + i + "]", instrument, i + 1,
						instrument + " item " + (i + 1) + " must be 0 to " + maxItemScore + ", got " + answer);
			}
		}
		return answers.stream().mapToInt(Integer::intValue).sum();
	}
}
