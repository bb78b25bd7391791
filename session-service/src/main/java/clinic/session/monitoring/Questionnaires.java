package clinic.session.monitoring;

import java.util.List;

import clinic.instruments.InvalidAnswerException;
import clinic.instruments.Phq9;
import clinic.platform.problems.InvalidInputException;

/**
 * Session's edge to the {@code instruments} module, which does the scoring: the PHQ-9 taken at check-in and
 * CADSS-6, under the session API's field names ({@code phq9Items}, {@code items}). An answer the instrument cannot
 * score is the caller's bad input: a 400 naming the item ({@code phq9Items[4]}) in the words this API has always
 * used ("PHQ-9 has exactly 9 items", "PHQ-9 item 5 is scored 0 to 3").
 */
public final class Questionnaires {

	private Questionnaires() {
	}

	/** The PHQ-9 taken before the session, from the check-in's {@code phq9Items}. */
	public static Phq9 phq9(List<Integer> items) {
		try {
			return Phq9.score(items, "phq9Items");
		}
		catch (InvalidAnswerException e) {
			throw invalid(e, Phq9.ITEMS, Phq9.MAX_ITEM_SCORE);
		}
	}

	/** A CADSS-6 score from the request's {@code items}. */
	static clinic.instruments.Cadss6 cadss6(List<Integer> items) {
		try {
			return clinic.instruments.Cadss6.score(items, "items");
		}
		catch (InvalidAnswerException e) {
			throw invalid(e, clinic.instruments.Cadss6.ITEMS, clinic.instruments.Cadss6.MAX_ITEM_SCORE);
		}
	}

	private static InvalidInputException invalid(InvalidAnswerException e, int items, int maxItemScore) {
		var item = e.item();
		return new InvalidInputException(e.field(),
				item.isPresent() ? e.instrument() + " item " + item.getAsInt() + " is scored 0 to " + maxItemScore
						: e.instrument() + " has exactly " + items + " items");
	}
}
