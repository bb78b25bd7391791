package clinic.intake.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a front-desk search box means, read from its text: an MRN ("MRN-000123", "mrn 123"), a phone number by
 * its digits ("044 123" finds "+41 44 123 45 67"), a date of birth ("1985-12-10" or "10.12.1985"), or the
 * beginnings of the name's words in any order ("love ada"), a letter wrong forgiven ("ada lovelase"), optionally
 * with a date of birth ("ada 10.12.1985"). Accents are ignored by the store, which normalizes names and query alike.
 *
 * @param text the whole query, trimmed (an exact MRN match ranks first)
 * @param nameTokens parts of the name, each must begin a word of the given or family name (or be one letter away
 *        from one); empty for other forms
 * @param birthDate the date of birth asked for, or null
 * @param phoneDigits the phone digits asked for without leading zeros (trunk or international prefix), or null
 * @param mrn the MRN asked for, or null
 */
public record PatientSearch(String text, List<String> nameTokens, LocalDate birthDate, String phoneDigits,
		String mrn) {

	private static final Pattern MRN = Pattern.compile("(?i)mrn[- ]?0*(\\d{1,9})");

	private static final Pattern PHONE = Pattern.compile("[+0-9 ()/.-]+");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SWISS = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	public PatientSearch {
		nameTokens = List.copyOf(nameTokens);
	}

	public static PatientSearch parse(String query) {
		var text = query == null ? "" : query.strip();
		var mrn = MRN.matcher(text);
		if (mrn.matches()) {
			return new PatientSearch(text, List.of(), null, null, "MRN-%06d".formatted(Long.parseLong(mrn.group(1))));
		}
		var date = date(text);
		if (date.isPresent()) {
			return new PatientSearch(text, List.of(), date.get(), null, null);
		}
		if (PHONE.matcher(text).matches()) {
			var digits = text.replaceAll("[^0-9]", "");
			var significant = digits.replaceFirst("^0+", "");
			if (digits.length() >= 3 && significant.length() >= 3) {
				return new PatientSearch(text, List.of(), null, significant, null);
			}
		}
		var tokens = new ArrayList<String>();
		LocalDate birthDate = null;
		for (var token : text.split("[\\s,;]+")) {
			if (token.isEmpty()) {
				continue;
			}
			var tokenDate = date(token);
			if (tokenDate.isPresent() && birthDate == null) {
				birthDate = tokenDate.get();
			}
			else {
				tokens.add(token);
			}
		}
		return new PatientSearch(text, tokens, birthDate, null, null);
	}

	/** Nothing to look for: the first patients by name are listed. */
	public boolean isEmpty() {
		return nameTokens.isEmpty() && birthDate == null && phoneDigits == null && mrn == null;
	}

	/** The query as an MRN would be written, for the exact-MRN-first ranking. */
	public String textAsMrn() {
		return text.toUpperCase(Locale.ROOT);
	}

	private static Optional<LocalDate> date(String text) {
		for (var format : List.of(ISO, SWISS)) {
			try {
				return Optional.of(LocalDate.parse(text, format));
			}
			catch (DateTimeParseException e) {
				// not this form
			}
		}
		return Optional.empty();
	}
}
