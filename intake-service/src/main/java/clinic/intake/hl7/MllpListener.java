package clinic.intake.hl7;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI's MLLP server on {@code clinic.intake.hl7.port} (off when none is set), every message handed to
 * {@link InboundMessages}. Messages of v2.3 to v2.5.1 are read into v2.5 structures; HAPI's own validation is off, so
 * a field's problem is answered by {@link InboundMessages} naming the field, as the REST API does.
 */
@Component
class MllpListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

	private final Hl7Settings settings;

	private final InboundMessages messages;

	private volatile HapiContext context;

	private volatile HL7Service server;

	/** The socket HAPI listens on, kept to know the port taken when the setting is 0. */
	private volatile ServerSocket socket;

	MllpListener(Hl7Settings settings, InboundMessages messages) {
		this.settings = settings;
		this.messages = messages;
	}

	@Override
	public void start() {
		if (settings.port() == null) {
			return;
		}
		var hapi = new DefaultHapiContext();
		hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
		hapi.setValidationContext(ValidationContextFactory.noValidation());
		// the ACKs' own control ids: HAPI's default keeps a counter in a file "id_file" in the working directory
		hapi.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
		var threads = new AtomicInteger();
		ExecutorService executor = Executors.newCachedThreadPool(task -> {
			var thread = new Thread(task, "mllp-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		hapi.setExecutorService(executor);
		hapi.setSocketFactory(new StandardSocketFactory() {
			@Override
			public ServerSocket createServerSocket() throws IOException {
				socket = super.createServerSocket();
				socket.setReuseAddress(true);
				return socket;
			}
		});
		var service = hapi.newServer(settings.port(), false);
		service.registerApplication("*", "*", messages);
		// what reaches HAPI's handler was never handed to InboundMessages (which answers everything it reads):
		// a message that cannot be parsed, which is rejected (AR) rather than HAPI's AE
		service.setExceptionHandler((incoming, metadata, outgoing, e) -> {
			log.info("HL7 message refused as unreadable: {}", e.toString());
			return outgoing == null ? unreadable(incoming) : outgoing.replace("\rMSA|AE|", "\rMSA|AR|");
		});
		try {
			service.startAndWait();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the MLLP listener", e);
		}
		context = hapi;
		server = service;
		awaitBound();
		log.info("HL7 v2 MLLP listener on port {}, taking messages from {}", port(), settings.allowedFacilities());
	}

	/**
	 * The AR for what HAPI cannot even read a header from: MSA-2 is the MSH-10 if the first segment is an MSH with
	 * one (plain text, at most 20 characters), else empty; either way the sender gets an answer and the connection
	 * stays open.
	 */
	static String unreadable(String incoming) {
		var now = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		return String.join("\r", "MSH|^~\\&|INTAKE|KETAMINE-CLINIC|||" + now + "||ACK|" + UUID.randomUUID().toString()
			.substring(0, 20) + "|P|2.5", "MSA|AR|" + controlId(incoming),
				"ERR|||102^Data type error^HL70357|E||||Not an HL7 v2 message intake can read") + "\r";
	}

	private static String controlId(String incoming) {
		if (incoming == null || !incoming.startsWith("MSH|")) {
			return "";
		}
		var fields = incoming.split("[\r\n]", 2)[0].split("\\|", -1);
		var id = fields.length > 9 ? fields[9] : "";
		return id.matches("[A-Za-z0-9._-]{1,20}") ? id : "";
	}

	/** HAPI binds in its acceptor thread: the port is known once it has. */
	private void awaitBound() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (socket == null || !socket.isBound()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The MLLP listener did not bind port " + settings.port());
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** The port listened on (the one taken, when the setting was 0); -1 when off. */
	int port() {
		return socket == null ? -1 : socket.getLocalPort();
	}

	@Override
	public void stop() {
		if (server != null) {
			server.stopAndWait();
			server = null;
		}
		if (context != null) {
			try {
				context.close();
			}
			catch (IOException e) {
				log.warn("Closing the HL7 context failed", e);
			}
			context = null;
		}
		socket = null;
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}
}
