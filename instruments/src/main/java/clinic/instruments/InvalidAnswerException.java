package clinic.instruments;

import java.util.OptionalInt;

/**
 * Answers an instrument cannot score, naming what is wrong: {@link #field()} is the caller's field path with the
 * item appended as the caller would write it ({@code "phq9[3]"}, {@code "phq9Items[8]"}, {@code "cssrs.q4"}), or
 * the caller's field itself when the answer set as a whole is wrong (missing, too few or too many answers).
 * {@link #item()} is the item (question) number as the instrument counts it, from 1, so a caller can word the
 * problem its own way; the message is a complete sentence for a person.
 */
public class InvalidAnswerException extends RuntimeException {

	private final String field;

	private final String instrument;

	private final Integer item;

	InvalidAnswerException(String field, String instrument, Integer item, String message) {
		super(message);
		this.field = field;
		this.instrument = instrument;
		this.item = item;
	}

	/** The field path of the wrong answer, built on the path the caller passed. */
	public String field() {
		return field;
	}

	/** The instrument's published name, e.g. {@code "PHQ-9"}. */
	public String instrument() {
		return instrument;
	}

	/** The wrong item's number from 1, or empty when the answer set as a whole is wrong. */
	public OptionalInt item() {
		return item == null ? OptionalInt.empty() : OptionalInt.of(item);
	}
}
