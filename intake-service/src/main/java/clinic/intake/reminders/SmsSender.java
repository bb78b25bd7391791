package clinic.intake.reminders;

/**
 * Sends one text message to a phone number; throws {@link DeliveryFailedException} when the provider did not take
 * it. Adapters: a logging one (the default) and Twilio's Messages API ({@code clinic.intake.reminders.sms.provider}).
 */
public interface SmsSender {

	void send(String toPhone, String body);
}
