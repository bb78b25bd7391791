package clinic.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The embedded mail server takes a mail over SMTP and writes it to its log, where a developer reads it. */
class MailComponentTest {

    @Test
    void aMailSentToTheEmbeddedServerIsWrittenToItsLog(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder().projectDir(data).dataDir(data).randomPorts().build();
        MailComponent mail = new MailComponent(config, ProgressListener.silent());
        try {
            mail.start();
            assertTrue(mail.isAlive());
            assertNull(mail.healthProblem());

            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", Integer.toString(config.port(PortName.MAIL)));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("reminders@ketamine-clinic.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@patients.example"));
            message.setSubject("Your infusion on Tuesday 1 December 2026, 10:00");
            message.setText("Dear Ada, see you at Lakeside.");
            Transport.send(message);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String log = "";
            while (System.nanoTime() < deadline && !log.contains("Dear Ada")) {
                Thread.sleep(100);
                log = Files.exists(mail.logFile()) ? Files.readString(mail.logFile()) : "";
            }
            assertTrue(log.contains("To: ada@patients.example"), log);
            assertTrue(log.contains("Subject: Your infusion on Tuesday 1 December 2026, 10:00"), log);
            assertTrue(log.contains("Dear Ada, see you at Lakeside."), log);
        } finally {
            mail.stop();
        }
        assertFalse(mail.isAlive());
    }
}
