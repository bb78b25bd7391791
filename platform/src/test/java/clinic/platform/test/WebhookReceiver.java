package clinic.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a real port (the JDK's HTTP server): keeps every request it gets and answers each with the
 * next status queued, else the standing one. It can be down (nothing listens: connection refused) and come up again
 * on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One request as it arrived: header names in lower case, the raw body, the status answered, when. */
	public record Received(String path, Map<String, String> headers, byte[] body, int answered, Instant at) {

		public String header(String name) {
			return headers.get(name);
		}
	}

	private final int port;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<Integer> next = new ConcurrentLinkedQueue<>();

	private volatile int standing = 204;

	private HttpServer server;

	private WebhookReceiver(int port) {
		this.port = port;
	}

	/** A receiver that is up. */
	public static WebhookReceiver up() {
		var receiver = new WebhookReceiver(0);
		receiver.start();
		return receiver;
	}

	/** A receiver that is down: its port refuses connections until {@link #start()}. */
	public static WebhookReceiver down() {
		try (var socket = new ServerSocket(0)) {
			return new WebhookReceiver(socket.getLocalPort());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public synchronized void start() {
		try {
			server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			var headers = new TreeMap<String, String>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			var body = exchange.getRequestBody().readAllBytes();
			var queued = next.poll();
			var status = queued == null ? standing : queued;
			received.add(new Received(exchange.getRequestURI().getPath(), headers, body, status, Instant.now()));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	/** Goes down: connections are refused from now on. */
	public synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	public String url(String path) {
		return "http://localhost:" + (server != null ? server.getAddress().getPort() : port) + path;
	}

	/** The status every request gets from now on, after those queued with {@link #thenAnswer}. */
	public void answer(int status) {
		standing = status;
	}

	/** The next requests get these statuses, in order. */
	public void thenAnswer(int... statuses) {
		for (var status : statuses) {
			next.add(status);
		}
	}

	/** The requests to a path about one subject ({@code ce-subject}, the patient), in the order they came. */
	public List<Received> about(String path, Object subject) {
		return received.stream()
			.filter(r -> r.path().equals(path) && subject.toString().equals(r.header("ce-subject")))
			.toList();
	}

	@Override
	public void close() {
		stop();
	}
}
