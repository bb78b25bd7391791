package clinic.platform.fhir;

import java.time.Instant;
import java.time.LocalDate;
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
 * A date search's range (an Appointment's {@code date}, an Observation's {@code date}, a QuestionnaireResponse's
 * {@code authored}), {@code [from, before)}, as FHIR reads it: a value stands for the whole of its precision (a day is that day, on the clinic's clock, since a date has no zone; a time with its zone is
 * that minute or second), {@code eq} (or no prefix) any time in it, {@code ge} from its beginning, {@code gt} from its
 * end, {@code le} up to its end, {@code lt} up to its beginning. {@code ne}, {@code sa}, {@code eb} and {@code ap} are
 * not supported (400).
 */
public record DateRange(@Nullable Instant from, @Nullable Instant before) {

	/** The range of the search parameter {@code name}, a day read on the clinic's clock ({@code clinicZone}). */
	public static DateRange of(@Nullable DateRangeParam range, String name, ZoneId clinicZone) {
		if (range == null) {
			return new DateRange(null, null);
		}
		var lower = range.getLowerBound();
		var upper = range.getUpperBound();
		return new DateRange(lower == null ? null : lowerBound(lower, name, clinicZone),
				upper == null ? null : upperBound(upper, name, clinicZone));
	}

	private static Instant lowerBound(DateParam param, String name, ZoneId zone) {
		var prefix = prefixOf(param);
		var span = span(param, name, zone);
		return switch (prefix) {
			case EQUAL, GREATERTHAN_OR_EQUALS -> span[0];
			case GREATERTHAN -> span[1];
			default -> throw unsupported(prefix, name);
		};
	}

	private static Instant upperBound(DateParam param, String name, ZoneId zone) {
		var prefix = prefixOf(param);
		var span = span(param, name, zone);
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
	private static Instant[] span(DateParam param, String name, ZoneId zone) {
		var text = param.getValueAsString();
		var precision = param.getPrecision();
		if (text == null || param.getValue() == null || precision == null) {
			throw new InvalidRequestException(name + " needs a value: YYYY, YYYY-MM, YYYY-MM-DD or a time with its zone");
		}
		return switch (precision) {
			case YEAR -> days(Year.parse(text.substring(0, 4)).atDay(1), Year.parse(text.substring(0, 4)).plusYears(1)
				.atDay(1), zone);
			case MONTH -> days(YearMonth.parse(text.substring(0, 7)).atDay(1),
					YearMonth.parse(text.substring(0, 7)).plusMonths(1).atDay(1), zone);
			case DAY -> days(LocalDate.parse(text.substring(0, 10)), LocalDate.parse(text.substring(0, 10)).plusDays(1),
					zone);
			default -> {
				var at = param.getValue().toInstant();
				yield new Instant[] { at, at.plus(1, unit(precision)) };
			}
		};
	}

	private static Instant[] days(LocalDate first, LocalDate after, ZoneId zone) {
		return new Instant[] { first.atStartOfDay(zone).toInstant(), after.atStartOfDay(zone).toInstant() };
	}

	private static ChronoUnit unit(TemporalPrecisionEnum precision) {
		return switch (precision) {
			case MINUTE -> ChronoUnit.MINUTES;
			case SECOND -> ChronoUnit.SECONDS;
			default -> ChronoUnit.MILLIS;
		};
	}
}
