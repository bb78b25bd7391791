package clinic.platform.problems;

import java.util.Map;

/**
 * The request collides with the current state (a booked chair, a signed record): 409, naming what collided.
 * {@code details} become extra members of the problem document (for example each occurrence of a course that did
 * not fit, and why), so a client can show them next to what the user entered.
 */
public class ConflictException extends RuntimeException {

	private final Map<String, Object> details;

	public ConflictException(String message) {
		this(message, Map.of());
	}

	public ConflictException(String message, Map<String, Object> details) {
		super(message);
		this.details = Map.copyOf(details);
	}

	public Map<String, Object> details() {
		return details;
	}
}
