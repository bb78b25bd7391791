package clinic.scheduling.planning;

/**
 * The clinic's induction course rules (DOMAIN.md: 6 infusions, 2–3 per ISO week, at least 1 calendar day between
 * infusions, all within 4 weeks). {@code minDaysBetween} counts the calendar days strictly between two infusions:
 * with 1, Monday and Wednesday are fine, Monday and Tuesday are not. {@code withinWeeks} counts from the date of the
 * first infusion: with 4, the last one is at most 27 days after the first.
 */
public record CourseRules(int infusions, int minPerWeek, int maxPerWeek, int minDaysBetween, int withinWeeks) {

	public CourseRules {
		if (infusions < 1 || maxPerWeek < 1 || minPerWeek < 0 || minPerWeek > maxPerWeek || minDaysBetween < 0
				|| withinWeeks < 1) {
			throw new IllegalArgumentException("Inconsistent course rules: " + infusions + " infusions, " + minPerWeek
					+ "–" + maxPerWeek + " per week, " + minDaysBetween + " days between, within " + withinWeeks
					+ " weeks");
		}
	}

	/** The smallest number of days from one infusion's date to the next one's. */
	int minDateStep() {
		return minDaysBetween + 1;
	}

	/** The largest number of days from the first infusion's date to the last one's. */
	public int maxSpanDays() {
		return withinWeeks * 7 - 1;
	}
}
