package clinic.scheduling.hl7;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The clinic's HL7 receiver in the tests: HAPI's MLLP server on a fixed port, keeping every message it is sent (parsed
 * into HAPI's v2.5 structures) and answering AA, or AE while told to refuse. It can be stopped and started again on the
 * same port, to be a receiver that is down.
 */
final class TestReceiver {

	private final int port;

	private final List<Message> received = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	private HapiContext hapi;

	private HL7Service server;

	TestReceiver(int port) {
		this.port = port;
	}

	/** A port free now, for the receiver to listen on later. */
	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	synchronized void start() throws InterruptedException {
		if (server != null) {
			return;
		}
		hapi = new DefaultHapiContext();
		hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
		hapi.setValidationContext(ValidationContextFactory.noValidation());
		hapi.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
		hapi.setExecutorService(Executors.newCachedThreadPool(task -> {
			var thread = new Thread(task, "test-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		hapi.setSocketFactory(new StandardSocketFactory() {
			@Override
			public ServerSocket createServerSocket() throws IOException {
				var socket = super.createServerSocket();
				socket.setReuseAddress(true);
				return socket;
			}
		});
		var service = hapi.newServer(port, false);
		service.registerApplication("SIU", "*", new ReceivingApplication<Message>() {
			@Override
			public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
				received.add(message);
				try {
					return refusing ? message.generateACK(AcknowledgmentCode.AE,
							new HL7Exception("The test receiver refuses SIU for now")) : message.generateACK();
				}
				catch (IOException e) {
					throw new HL7Exception(e);
				}
			}

			@Override
			public boolean canProcess(Message message) {
				return true;
			}
		});
		service.startAndWait();
		server = service;
	}

	synchronized void stop() throws IOException {
		if (server != null) {
			server.stopAndWait();
			server = null;
			hapi.close();
			hapi = null;
		}
	}

	void refuse(boolean refuse) {
		this.refusing = refuse;
	}

	List<Message> received() {
		return List.copyOf(received);
	}
}
