package clinic.instruments;

import java.util.List;
import java.util.function.ToIntFunction;

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

	/**
	 * How many of the items are answered so far; missing answers are null (or the list is shorter), each answer given
	 * is checked as {@link #total} checks it.
	 */
	static Progress progress(List<Integer> answers, int items, int maxItemScore, String instrument, String field) {
		if (answers == null) {
			return new Progress(0, items);
		}
		if (answers.size() > items) {
			throw new InvalidAnswerException(field, instrument, null,
					instrument + " has " + items + " items, got " + answers.size() + " answers");
		}
		int answered = 0;
		for (int i = 0; i < answers.size(); i++) {
			var answer = answers.get(i);
			if (answer == null) {
				continue;
			}
			if (answer < 0 || answer > maxItemScore) {
				throw new InvalidAnswerException(field + "[" + i + "]", instrument, i + 1,
						instrument + " item " + (i + 1) + " must be 0 to " + maxItemScore + ", got " + answer);
			}
			answered++;
		}
		return new Progress(answered, items);
	}

	/** The highest of {@code bands} (lowest first) whose lower bound {@code total} reaches; the lowest otherwise. */
	static <B> B band(int total, B[] bands, ToIntFunction<B> from) {
		for (int i = bands.length - 1; i > 0; i--) {
			if (total >= from.applyAsInt(bands[i])) {
				return bands[i];
			}
		}
		return bands[0];
	}
}
