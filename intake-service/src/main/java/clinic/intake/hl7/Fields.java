package clinic.intake.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

import clinic.intake.patients.Indication;
import clinic.platform.input.PlainText;

/**
 * Reads the fields the clinic takes from a segment and checks them as the REST API's request records do (sizes, plain
 * text, a phone's characters, a past birth date), each refusal naming the field ({@code PID-7}). Works on any v2.x
 * segment by position, so ADT and REF share it.
 */
final class Fields {

	/** As the REST API's {@code phone}: digits, spaces, {@code + ( ) -}. */
	private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{5,30}$");

	/** An HL7 date or date-time: the date is its first eight digits (time and zone, if any, are not the clinic's). */
	private static final Pattern DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(\\d{0,6}(\\.\\d{1,4})?([+-]\\d{4})?)$");

	private Fields() {
	}

	/** Component {@code component}, subcomponent {@code sub} of the field's first repetition; null when empty. */
	static @Nullable String get(Segment segment, int field, int component, int sub) {
		return get(segment, field, 0, component, sub);
	}

	static @Nullable String get(Segment segment, int field, int repetition, int component, int sub) {
		try {
			var value = Terser.get(segment, field, repetition, component, sub);
			return value == null || value.isBlank() ? null : value.strip();
		}
		catch (HL7Exception e) {
			throw Refusal.field(segment.getName() + "-" + field, "cannot be read: " + e.getMessage());
		}
	}

	static String name(@Nullable String value, String field) {
		return text(value, field, 100);
	}

	static String text(@Nullable String value, String field, int max) {
		if (value == null) {
			throw Refusal.field(field, "required, and empty");
		}
		if (value.length() > max) {
			throw Refusal.field(field, "at most " + max + " characters (" + value.length() + " given)");
		}
		PlainText.problem(value).ifPresent(problem -> {
			throw Refusal.field(field, problem);
		});
		return value;
	}

	static LocalDate birthDate(@Nullable String value, String field, LocalDate today) {
		if (value == null) {
			throw Refusal.field(field, "required, and empty");
		}
		var matcher = DATE.matcher(value);
		if (!matcher.matches()) {
			throw Refusal.field(field, "not an HL7 date (YYYYMMDD): " + printable(value));
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (DateTimeException e) {
			throw Refusal.field(field, "no such date: " + value);
		}
		if (!date.isBefore(today)) {
			throw Refusal.field(field, "must be in the past: " + date);
		}
		return date;
	}

	static @Nullable String phone(@Nullable String value, String field) {
		if (value == null) {
			return null;
		}
		if (!PHONE.matcher(value).matches()) {
			throw Refusal.field(field, "a phone number is 5–30 digits, spaces and + ( ) -: " + printable(value));
		}
		return value;
	}

	/**
	 * The clinic's code of an indication: as in the REST API ({@code CHRONIC_PAIN}) or as in the clinic's FHIR code
	 * system ({@code chronic-pain}), so an interface engine can send the code it uses for FHIR.
	 */
	static Indication indication(@Nullable String code, String field) {
		if (code == null) {
			throw Refusal.field(field, "required, and empty: the indication, one of " + codes());
		}
		try {
			return Indication.valueOf(code.strip().replace('-', '_').toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.field(field, "unknown indication " + printable(code) + ", one of " + codes());
		}
	}

	private static String codes() {
		return String.join(", ", Arrays.stream(Indication.values()).map(Enum::name).toList());
	}

	/** Echoed input, bounded and without control characters, so an ACK never carries what it refused. */
	static String printable(String value) {
		var plain = value.replaceAll("\\p{Cntrl}", "?");
		return plain.length() > 40 ? plain.substring(0, 40) + "..." : plain;
	}
}
