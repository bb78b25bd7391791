package clinic.platform.input;

import java.util.Optional;

/**
 * What text a client may send: no NUL or other control characters (they break the record store, logs and printed
 * records), except tab, line feed and carriage return, which free text uses; and no half of a surrogate pair
 * (which no encoder can write). One rule for every string of a body, query or path.
 */
public final class PlainText {

	private PlainText() {
	}

	/** Why {@code text} is refused, or empty when it is plain text. */
	public static Optional<String> problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			if (Character.isISOControl(c)) {
				return Optional.of("must not contain control characters (found U+%04X at position %d)".formatted((int) c,
						i + 1));
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return Optional.of("must not contain half of a surrogate pair (at position %d)".formatted(i + 1));
			}
		}
		return Optional.empty();
	}
}
