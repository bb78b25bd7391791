package clinic.intake.reminders.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import clinic.intake.reminders.EmailSender;

/** No SMTP server configured: the e-mail is only logged (its subject, not its text), as if sent. */
@Component
@ConditionalOnProperty(name = "clinic.intake.reminders.email.transport", havingValue = "log", matchIfMissing = true)
class LoggingEmailSender implements EmailSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

	@Override
	public void send(String to, String subject, String body) {
		log.info("E-mail reminder (transport log, not sent) to {}: {}", to, subject);
	}
}
