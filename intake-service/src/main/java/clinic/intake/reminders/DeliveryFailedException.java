package clinic.intake.reminders;

/** A channel could not take a message (server down, refused); the sender tries again later. */
public class DeliveryFailedException extends RuntimeException {

	public DeliveryFailedException(String message, Throwable cause) {
		super(message, cause);
	}

	public DeliveryFailedException(String message) {
		super(message);
	}
}
