/**
 * The channels' adapters: e-mail over SMTP (Spring's {@code JavaMailSender}, {@code spring.mail.host}/{@code port})
 * or only logged, and text messages through Twilio's Messages API or only logged
 * ({@code clinic.intake.reminders.email.transport}, {@code clinic.intake.reminders.sms.provider}).
 */
package clinic.intake.reminders.delivery;
