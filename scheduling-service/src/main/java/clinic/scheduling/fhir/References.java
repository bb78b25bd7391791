package clinic.scheduling.fhir;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import clinic.scheduling.resources.Inputs;

/** Reading search parameters the same way for every resource. */
final class References {

	private References() {
	}

	/** As long as a name may be: a site's or chair's name as the REST API takes it. */
	static final int MAX_NAME_LENGTH = Inputs.MAX_NAME;

	/**
	 * A name search's value, as the REST API's {@code PlainText}: present, no control characters (a NUL never reaches
	 * a match) and at most {@link #MAX_NAME_LENGTH} characters; anything else is a bad request.
	 */
	static StringParam text(StringParam param, String name) {
		var value = param.getValue();
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException("A " + name + " search needs a value");
		}
		if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException("A " + name + " search is plain text of at most " + MAX_NAME_LENGTH
					+ " characters");
		}
		return param;
	}

	/**
	 * Whether {@code value} matches a string parameter as FHIR says: by default the start of it, accents and case
	 * ignored; {@code :exact} the whole of it as written; {@code :contains} anywhere in it, accents and case ignored.
	 */
	static boolean matches(StringParam param, @Nullable String value) {
		if (value == null) {
			return false;
		}
		if (param.isExact()) {
			return value.equals(param.getValue());
		}
		var wanted = plain(param.getValue());
		return param.isContains() ? plain(value).contains(wanted) : plain(value).startsWith(wanted);
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}
}
