package clinic.intake.reminders.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import clinic.intake.reminders.DeliveryFailedException;
import clinic.intake.reminders.EmailSender;
import clinic.intake.reminders.ReminderSettings;

/** E-mail through the SMTP server of {@code spring.mail.host}/{@code spring.mail.port} (SMTP_HOST, SMTP_PORT). */
@Component
@ConditionalOnProperty(name = "clinic.intake.reminders.email.transport", havingValue = "smtp")
class SmtpEmailSender implements EmailSender {

	private final JavaMailSender mail;

	private final ReminderSettings settings;

	SmtpEmailSender(JavaMailSender mail, ReminderSettings settings) {
		this.mail = mail;
		this.settings = settings;
	}

	@Override
	public void send(String to, String subject, String body) {
		var message = new SimpleMailMessage();
		message.setFrom(settings.email().from());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		try {
			mail.send(message);
		}
		catch (MailException e) {
			throw new DeliveryFailedException("the SMTP server did not take the message: " + e.getMessage(), e);
		}
	}
}
