package clinic.intake.reminders.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import clinic.intake.reminders.SmsSender;

/** No SMS provider configured: the text message is only logged (its length, not its text), as if sent. */
@Component
@ConditionalOnProperty(name = "clinic.intake.reminders.sms.provider", havingValue = "log", matchIfMissing = true)
class LoggingSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

	@Override
	public void send(String toPhone, String body) {
		log.info("Text reminder (provider log, not sent) to {}: {} characters", toPhone, body.length());
	}
}
