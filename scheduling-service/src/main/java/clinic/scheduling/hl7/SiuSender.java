package clinic.scheduling.hl7;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * Sends the stored SIU messages over MLLP with HAPI's client and reads each ACK: {@code AA} or {@code CA} and the
 * message is SENT; any other answer ({@code AE}, {@code AR}, {@code CE}, {@code CR}), no answer within the read
 * timeout, or no connection is a failed attempt, tried again after first-retry, doubling up to max-retry, and after
 * max-attempts the message is a dead letter (FAILED, with the last error) until an administrator replays it.
 * <p>
 * Each message is claimed in a transaction of its own ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work and
 * never send one message twice at once) and marked in the same transaction after the answer; a replica that dies
 * mid-send leaves it PENDING, sent again with the same control id (MSH-10) for the receiver to recognise. A message
 * waits while an earlier one of its appointment is unsent, so the receiver never gets an S15 before its S12. When the
 * receiver cannot be reached the round stops; the next poll tries again.
 */
@Component
class SiuSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SiuSender.class);

	/** The most messages one round sends, so that a long queue does not hold the scheduler thread. */
	private static final int ROUND = 100;

	private static final Set<String> ACCEPTED = Set.of("AA", "CA");

	private final Hl7OutboundSettings settings;

	private final OutboundMessages messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HapiContext hapi = new DefaultHapiContext();

	SiuSender(Hl7OutboundSettings settings, OutboundMessages messages, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.settings = settings;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
		hapi.setValidationContext(ValidationContextFactory.noValidation());
		hapi.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
		var threads = new AtomicInteger();
		hapi.setExecutorService(Executors.newCachedThreadPool(task -> {
			var thread = new Thread(task, "mllp-out-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
		int connectTimeout = Math.toIntExact(settings.connectTimeout().toMillis());
		// HAPI connects without a timeout of its own: its sockets connect with ours
		hapi.setSocketFactory(new StandardSocketFactory() {
			@Override
			public Socket createSocket() {
				return new Socket() {
					@Override
					public void connect(SocketAddress endpoint) throws IOException {
						connect(endpoint, connectTimeout);
					}
				};
			}
		});
	}

	@Scheduled(fixedDelayString = "${clinic.scheduling.hl7.outbound.poll-interval}",
			initialDelayString = "${clinic.scheduling.hl7.outbound.poll-interval}")
	void onSchedule() {
		if (settings.enabled()) {
			sendDue();
		}
	}

	/** One round: sends the messages due now, in order; returns how many were tried. */
	int sendDue() {
		var link = new Link();
		int tried = 0;
		try {
			while (tried < ROUND && !link.down) {
				Boolean claimed = transactions.execute(status -> messages.claimNextDue(clock.instant())
					.map(message -> {
						deliver(message, link);
						return true;
					})
					.orElse(false));
				if (!Boolean.TRUE.equals(claimed)) {
					break;
				}
				tried++;
			}
		}
		finally {
			link.close();
		}
		return tried;
	}

	private void deliver(OutboundMessage message, Link link) {
		int attempts = message.attempts() + 1;
		try {
			var ack = link.open().getInitiator().sendAndReceive(hapi.getPipeParser().parse(message.message()));
			var terser = new Terser(ack);
			var code = terser.get("MSA-1");
			if (code != null && ACCEPTED.contains(code)) {
				messages.sent(message.id(), code, attempts, clock.instant());
				log.debug("SIU^{} {} accepted ({})", message.triggerEvent(), message.controlId(), code);
				return;
			}
			failed(message, attempts, code, "The receiver answered " + (code == null ? "without MSA-1" : code)
					+ reason(terser));
		}
		catch (HL7Exception | IOException | RuntimeException | ca.uhn.hl7v2.llp.LLPException e) {
			link.broken();
			failed(message, attempts, null, describe(e));
		}
	}

	/** The failure and its cause (HAPI's "Cannot open connection" says nothing of a refusal or a timeout). */
	private static String describe(Exception e) {
		var text = e.getClass().getSimpleName() + ": " + e.getMessage();
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == e ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
	}

	/**
	 * What the receiver said of its refusal: ERR-8 (user message), else ERR-3's original text (where HAPI's own ACKs
	 * put it), else MSA-3 (before v2.5), else ERR-3's code text.
	 */
	private static String reason(Terser ack) {
		for (var field : new String[] { "ERR-8", "ERR-3-9", "MSA-3", "ERR-3-2" }) {
			try {
				var text = ack.get(field);
				if (text != null && !text.isBlank()) {
					return ": " + text;
				}
			}
			catch (HL7Exception e) {
				// not in this ACK's structure
			}
		}
		return "";
	}

	private void failed(OutboundMessage message, int attempts, @Nullable String ackCode, String error) {
		var now = clock.instant();
		if (attempts >= settings.maxAttempts()) {
			messages.failed(message.id(), attempts, ackCode, error, null, now);
			log.error("SIU^{} {} of appointment {} is a dead letter after {} attempts: {}", message.triggerEvent(),
					message.controlId(), message.appointmentId(), attempts, error);
			return;
		}
		var next = now.plus(settings.backoffAfter(attempts));
		messages.failed(message.id(), attempts, ackCode, error, next, now);
		log.warn("SIU^{} {} attempt {} failed, next at {}: {}", message.triggerEvent(), message.controlId(), attempts,
				next, error);
	}

	/** The round's connection to the receiver: opened when first needed, closed at the end or when broken. */
	private final class Link {

		private @Nullable Connection connection;

		/** The receiver could not be reached or the connection broke: the round stops. */
		private boolean down;

		Connection open() throws HL7Exception {
			if (connection == null) {
				var opened = hapi.newClient(settings.host(), settings.port(), false);
				opened.getInitiator().setTimeoutMillis(Math.toIntExact(settings.readTimeout().toMillis()));
				connection = opened;
			}
			return connection;
		}

		void broken() {
			down = true;
			close();
		}

		void close() {
			if (connection != null) {
				hapi.getConnectionHub().discard(connection);
				connection = null;
			}
		}
	}

	@Override
	public void destroy() throws IOException {
		hapi.close();
	}
}
