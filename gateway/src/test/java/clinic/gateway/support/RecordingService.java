package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a downstream service (intake, scheduling, session): records every request it receives and answers
 * 201 with a small JSON body, or what a test set for the request's path ({@link #answers}) until the next reset.
 */
public final class RecordingService {

	/** A request as the service saw it. */
	public record Received(String method, String path, Headers headers, String body) {

		public List<String> header(String name) {
			List<String> values = this.headers.get(name);
			return values == null ? List.of() : values;
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** An answer a test set for a path. */
	private record Canned(int status, String contentType, String body) {
	}

	private final Map<String, Canned> canned = new ConcurrentHashMap<>();

	/** An answer a test computes from the request. */
	public record Reply(int status, String contentType, String body) {
	}

	private final Map<String, Function<Received, Reply>> responders = new ConcurrentHashMap<>();

	private RecordingService(String name) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", exchange -> answer(name, exchange));
		this.server.start();
	}

	public static RecordingService start(String name) {
		return new RecordingService(name);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public Received last() {
		if (this.received.isEmpty()) {
			throw new AssertionError("the service received no request");
		}
		return this.received.get(this.received.size() - 1);
	}

	public void reset() {
		this.received.clear();
		this.canned.clear();
		this.responders.clear();
	}

	/** Answers requests for {@code path} (without the query) with this status and body until the next reset. */
	public void answers(String path, int status, String contentType, String body) {
		this.canned.put(path, new Canned(status, contentType, body));
	}

	/**
	 * Answers requests for paths starting with {@code pathPrefix} with what {@code responder} makes of each (its path
	 * and query as received), until the next reset; before any answer set with {@link #answers}.
	 */
	public void answers(String pathPrefix, Function<Received, Reply> responder) {
		this.responders.put(pathPrefix, responder);
	}

	private void answer(String name, HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		var request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				copy(exchange.getRequestHeaders()), body);
		this.received.add(request);
		var path = exchange.getRequestURI().getPath();
		Canned answer = this.responders.entrySet()
			.stream()
			.filter(responder -> path.startsWith(responder.getKey()))
			.findFirst()
			.map(responder -> responder.getValue().apply(request))
			.map(reply -> new Canned(reply.status(), reply.contentType(), reply.body()))
			.orElseGet(() -> this.canned.getOrDefault(path, new Canned(201, "application/json",
					"{\"service\":\"" + name + "\",\"id\":\"7c0e1f2a-0000-4000-8000-000000000001\"}")));
		byte[] response = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), response.length);
		exchange.getResponseBody().write(response);
		exchange.close();
	}

	private static Headers copy(Headers headers) {
		Headers copy = new Headers();
		for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
			copy.put(entry.getKey(), List.copyOf(entry.getValue()));
		}
		return copy;
	}

}
