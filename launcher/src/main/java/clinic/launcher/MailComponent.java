package clinic.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.OptionalLong;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded suite's mail server: GreenMail's SMTP server inside the launcher's JVM, on localhost only, taking mail
 * for any address. Intake sends the patients' reminders to it; every mail it receives is written to its log
 * ({@code <data>/logs/mail.log}: from, to, subject and text), which is where a developer reads them. Nothing is kept
 * across runs: it is a stand-in for the clinic's mail relay, never a mailbox.
 */
final class MailComponent extends Component {

    private volatile GreenMail mail;
    private volatile Thread writer;

    MailComponent(StackConfig config, ProgressListener listener) {
        super(Part.MAIL, config, listener);
    }

    @Override
    String startDetail() {
        return "SMTP port " + config.port(PortName.MAIL);
    }

    @Override
    String start() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(logFile().getParent());
        GreenMail server = new GreenMail(new ServerSetup(config.port(PortName.MAIL), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        mail = server;
        Thread t = new Thread(() -> writeMails(server), "clinic-mail-log");
        t.setDaemon(true);
        t.start();
        writer = t;
        awaitReady(null, begin, this::healthProblem);
        return "mails written to " + logFile();
    }

    /** Writes every mail the server received to the log, in order, until the server stops. */
    private void writeMails(GreenMail server) {
        int written = 0;
        while (mail == server && !stopRequested) {
            try {
                MimeMessage[] received = server.getReceivedMessages();
                for (; written < received.length; written++) {
                    Files.writeString(logFile(), describe(received[written]), StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a mail that cannot be read or written is skipped; the server goes on
                written++;
            }
        }
    }

    private static String describe(MimeMessage message) throws Exception {
        StringBuilder to = new StringBuilder();
        for (Address a : message.getAllRecipients()) {
            to.append(to.isEmpty() ? "" : ", ").append(a);
        }
        Address[] from = message.getFrom();
        return "=== " + Instant.now() + " mail received\n"
                + "From: " + (from == null || from.length == 0 ? "" : from[0]) + "\n"
                + "To: " + to + "\n"
                + "Subject: " + message.getSubject() + "\n\n"
                + message.getContent() + "\n\n";
    }

    @Override
    boolean stop() {
        stopRequested = true;
        GreenMail server = mail;
        mail = null;
        Thread t = writer;
        if (t != null) {
            t.interrupt();
        }
        if (server != null) {
            server.stop();
        }
        return false;
    }

    @Override
    boolean isAlive() {
        GreenMail server = mail;
        return server != null && server.isRunning();
    }

    /** In the launcher's own JVM: no process of its own. */
    @Override
    OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    String healthProblem() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", config.port(PortName.MAIL)), 1000);
            return null;
        } catch (IOException e) {
            return "SMTP port " + config.port(PortName.MAIL) + " does not answer: " + e.getMessage();
        }
    }
}
