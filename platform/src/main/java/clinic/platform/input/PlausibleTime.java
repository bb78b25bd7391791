package clinic.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The years a clinic's dates and instants fall in: 1900 to 2200. Nothing a client sends is older (a birth date
 * included) or further ahead, and refusing the rest at the edge keeps year 0 and +999999999 out of date arithmetic,
 * where they would overflow into a 500.
 */
public final class PlausibleTime {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2200;

	private static final Instant FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant AFTER_LAST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private PlausibleTime() {
	}

	/** Why {@code value} is refused, or empty when it is a date or instant of a plausible year (or no such type). */
	public static Optional<String> problem(Object value) {
		if (value instanceof Instant instant) {
			return plausible(!instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST));
		}
		var year = yearOf(value);
		return year == null ? Optional.empty() : plausible(year >= FIRST_YEAR && year <= LAST_YEAR);
	}

	private static Optional<String> plausible(boolean plausible) {
		return plausible ? Optional.empty() : Optional.of("must be in the years " + FIRST_YEAR + " to " + LAST_YEAR + ": check the year");
	}

	private static Integer yearOf(Object value) {
		if (value instanceof LocalDate date) {
			return date.getYear();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.getYear();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.getYear();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.getYear();
		}
		if (value instanceof YearMonth month) {
			return month.getYear();
		}
		if (value instanceof Year year) {
			return year.getValue();
		}
		return null;
	}
}
