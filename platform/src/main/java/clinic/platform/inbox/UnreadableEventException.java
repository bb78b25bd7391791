package clinic.platform.inbox;

/** A record that can never be handled as it is: it goes to the dead-letter topic at once, without retries. */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}
}
