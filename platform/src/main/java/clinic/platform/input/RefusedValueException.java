package clinic.platform.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A value of the right JSON type that the clinic still refuses (a control character in a name, a date in the year
 * 0): its message is written for the user and shown next to the field the problem names.
 */
public class RefusedValueException extends InvalidFormatException {

	public RefusedValueException(JsonParser parser, String message, Object value, Class<?> type) {
		super(parser, message, value, type);
	}
}
