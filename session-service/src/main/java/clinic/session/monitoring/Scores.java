package clinic.session.monitoring;

import java.util.List;

import clinic.platform.problems.InvalidInputException;

/** Item answers of a scored instrument, checked against its published item count and range. */
final class Scores {

	private Scores() {
	}

	static List<Integer> checked(String field, String instrument, List<Integer> items, int count, int max) {
		if (items == null || items.size() != count) {
			throw new InvalidInputException(field, instrument + " has exactly " + count + " items");
		}
		for (int i = 0; i < count; i++) {
			var item = items.get(i);
			if (item == null || item < 0 || item > max) {
				throw new InvalidInputException(field + "[" + i + "]",
						instrument + " item " + (i + 1) + " is scored 0 to " + max);
			}
		}
		return List.copyOf(items);
	}
}
