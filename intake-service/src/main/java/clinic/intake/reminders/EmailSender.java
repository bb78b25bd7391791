package clinic.intake.reminders;

/** Sends one e-mail; throws {@link DeliveryFailedException} when it could not be handed over. */
public interface EmailSender {

	void send(String to, String subject, String body);
}
