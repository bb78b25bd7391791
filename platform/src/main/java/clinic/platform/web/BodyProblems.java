package clinic.platform.web;

import clinic.platform.input.RefusedValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What to tell the user about a field of a body that could not be read, in the clinic's words rather than Jackson's
 * (which name Java types): the reason a plausible value was refused, a null where a value is needed, or a value of
 * the wrong type or format.
 */
final class BodyProblems {

	private BodyProblems() {
	}

	static String message(JacksonException problem) {
		if (problem instanceof RefusedValueException refused) {
			return refused.getOriginalMessage();
		}
		if (problem instanceof InvalidNullException) {
			return "must not be null";
		}
		if (problem instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		return "has a value of the wrong type or format";
	}
}
