package clinic.platform.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * A {@code date} search's bounds, {@code [from, before)}, as FHIR reads it: a value stands for the whole of its
 * precision, {@code eq} (or no prefix) any time in it, {@code ge} from its beginning, {@code gt} from its end,
 * {@code le} up to its end, {@code lt} up to its beginning. A date without a time has no zone, so its bounds are local
 * times ({@link Bound#local}) that the caller reads on the clock that fits: the clinic's ({@link DateRange}), or the
 * site where each record was (session's charts, a day being that day there); a time with its zone is that minute or
 * second anywhere ({@link Bound#instant}). {@code ne}, {@code sa}, {@code eb} and {@code ap} are not supported (400).
 */
public record DateBounds(@Nullable Bound from, @Nullable Bound before) {

	/** A bound: an instant, or a local time on a clock the caller picks. Exactly one is set. */
	public record Bound(@Nullable Instant instant, @Nullable LocalDateTime local) {

		/** The bound as an instant, a local time read on {@code zone}'s clock. */
		public Instant at(ZoneId zone) {
			return instant != null ? instant : local.atZone(zone).toInstant();
		}
	}

	public static final DateBounds ANY = new DateBounds(null, null);

	/** The bounds of the search parameter {@code name}. */
	public static DateBounds of(@Nullable DateRangeParam range, String name) {
		if (range == null) {
			return ANY;
		}
		var lower = range.getLowerBound();
		var upper = range.getUpperBound();
		return new DateBounds(lower == null ? null : lowerBound(lower, name),
				upper == null ? null : upperBound(upper, name));
	}

	private static Bound lowerBound(DateParam param, String name) {
		var prefix = prefixOf(param);
		var span = span(param, name);
		return switch (prefix) {
			case EQUAL, GREATERTHAN_OR_EQUALS -> span[0];
			case GREATERTHAN -> span[1];
			default -> throw unsupported(prefix, name);
		};
	}

	private static Bound upperBound(DateParam param, String name) {
		var prefix = prefixOf(param);
		var span = span(param, name);
		return switch (prefix) {
			case EQUAL, LESSTHAN_OR_EQUALS -> span[1];
			case LESSTHAN -> span[0];
			default -> throw unsupported(prefix, name);
		};
	}

	private static ParamPrefixEnum prefixOf(DateParam param) {
		return param.getPrefix() == null ? ParamPrefixEnum.EQUAL : param.getPrefix();
	}

	private static InvalidRequestException unsupported(ParamPrefixEnum prefix, String name) {
		return new InvalidRequestException(name + " takes the prefixes eq, ge, gt, le and lt, not " + prefix.getValue());
	}

	/** Where the value's precision begins and ends. */
	private static Bound[] span(DateParam param, String name) {
		var text = param.getValueAsString();
		var precision = param.getPrecision();
		if (text == null || param.getValue() == null || precision == null) {
			throw new InvalidRequestException(name + " needs a value: YYYY, YYYY-MM, YYYY-MM-DD or a time with its zone");
		}
		return switch (precision) {
			case YEAR -> days(Year.parse(text.substring(0, 4)).atDay(1),
					Year.parse(text.substring(0, 4)).plusYears(1).atDay(1));
			case MONTH -> days(YearMonth.parse(text.substring(0, 7)).atDay(1),
					YearMonth.parse(text.substring(0, 7)).plusMonths(1).atDay(1));
			case DAY -> days(LocalDate.parse(text.substring(0, 10)), LocalDate.parse(text.substring(0, 10)).plusDays(1));
			default -> {
				var at = param.getValue().toInstant();
				yield new Bound[] { new Bound(at, null), new Bound(at.plus(1, unit(precision)), null) };
			}
		};
	}

	private static Bound[] days(LocalDate first, LocalDate after) {
		return new Bound[] { new Bound(null, first.atStartOfDay()), new Bound(null, after.atStartOfDay()) };
	}

	private static ChronoUnit unit(TemporalPrecisionEnum precision) {
		return switch (precision) {
			case MINUTE -> ChronoUnit.MINUTES;
			case SECOND -> ChronoUnit.SECONDS;
			default -> ChronoUnit.MILLIS;
		};
	}
}
