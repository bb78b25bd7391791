package clinic.scheduling.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Pattern;

import clinic.platform.problems.InvalidInputException;

/** An ISO-8601 week, written {@code 2026-W48}: Monday to Sunday, weeks of the week-based year. */
public record IsoWeek(int year, int week) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	public IsoWeek {
		var weeks = weeksIn(year);
		if (week < 1 || week > weeks) {
			throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", not " + week);
		}
	}

	/**
	 * The week written as {@code YYYY-Www}.
	 * @throws InvalidInputException naming {@code field} when the text is no such week (also week 53 of a year with 52)
	 */
	public static IsoWeek parse(String field, String text) {
		var match = FORMAT.matcher(text.strip());
		if (!match.matches()) {
			throw new InvalidInputException(field, "'" + text + "' is not an ISO week such as 2026-W48");
		}
		int year = Integer.parseInt(match.group(1));
		int week = Integer.parseInt(match.group(2));
		var weeks = weeksIn(year);
		if (week < 1 || week > weeks) {
			throw new InvalidInputException(field, year + " has weeks 1 to " + weeks + ", not " + week);
		}
		return new IsoWeek(year, week);
	}

	/** The week a date lies in. */
	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	public LocalDate monday() {
		return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
	}

	public LocalDate sunday() {
		return monday().plusDays(6);
	}

	private static int weeksIn(int year) {
		// 4 January always lies in week 1; the year has as many weeks as its week field allows
		return (int) IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 1, 4)).getMaximum();
	}

	@Override
	public String toString() {
		return "%04d-W%02d".formatted(year, week);
	}
}
