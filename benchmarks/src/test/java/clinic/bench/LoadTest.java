package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The load generator against a server of the test's own: the open model sends what its rate says whatever the
 * answers do, and charges a stall to every request it delayed (latency from the intended send time).
 */
class LoadTest {

	private HttpServer server;

	private final AtomicInteger served = new AtomicInteger();

	/** The request number whose answer the server holds back, and for how long. */
	private volatile int stallAt = -1;

	private volatile long stallMillis;

	@BeforeEach
	void start() throws Exception {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// one thread: a held-back answer holds back every answer after it, as a stalled service does
		server.setExecutor(Executors.newSingleThreadExecutor());
		server.createContext("/", exchange -> {
			int n = served.getAndIncrement();
			if (n == stallAt) {
				try {
					Thread.sleep(stallMillis);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
	}

	@Test
	void sendsAtTheRateForTheLength() {
		var result = Load.open("steady", Load.client(null), 100, Duration.ofSeconds(1), i -> get("/"));
		assertThat(result.ok()).isEqualTo(100);
		assertThat(served.get()).isEqualTo(100);
		assertThat(result.failed()).isZero();
		assertThat(result.micros().getTotalCount()).isEqualTo(100);
	}

	@Test
	void aStallIsChargedToTheRequestsItHeldBack() {
		stallAt = 10;
		stallMillis = 800;
		var result = Load.open("stalled", Load.client(null), 100, Duration.ofSeconds(1), i -> get("/"));
		// at 100/s, about 80 requests were sent while the server held one answer back for 800 ms: each of them waited,
		// so the latency measured from the intended send time is high for far more than one request in a hundred
		assertThat(result.ok()).isEqualTo(100);
		assertThat(result.millis(50)).isGreaterThan(100);
		assertThat(result.micros().getMaxValue() / 1000.0).isGreaterThanOrEqualTo(800);
	}

	@Test
	void refusalsAreCountedByStatusNotTimed() {
		var result = Load.open("missing", Load.client(null), 50, Duration.ofMillis(200), i -> get(i % 2 == 0 ? "/" : "/missing"));
		assertThat(result.ok()).isEqualTo(5);
		assertThat(result.failures()).containsEntry(404, 5L);
		assertThat(result.micros().getTotalCount()).isEqualTo(5);
	}

	@Test
	void aClosedLoopKeepsEachClientWaitingForItsAnswer() {
		var result = Load.closed("closed", Load.client(null), 2, Duration.ofMillis(300), i -> get("/"));
		assertThat(result.ok()).isPositive().isEqualTo(served.get());
		assertThat(result.throughput()).isPositive();
	}
}
