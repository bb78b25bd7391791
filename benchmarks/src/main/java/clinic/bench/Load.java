package clinic.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load as the harness sends it. {@link #open} is the open model: requests leave at a fixed arrival rate whatever the
 * answers do, and each latency runs from the request's intended send time, so a stall is charged to every request
 * it delayed (no coordinated omission). {@link #closed} is a closed loop of clients that each wait for their answer
 * before the next request: only for saturation throughput.
 */
final class Load {

	/** Latencies are kept in microseconds, up to a minute, three significant digits. */
	private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

	private Load() {
	}

	/** What a load phase measured: latencies of the answered requests (2xx), counts by status, the rate achieved. */
	record Result(String name, Histogram micros, long ok, Map<Integer, Long> failures, double seconds) {

		double throughput() {
			return ok / seconds;
		}

		double millis(double percentile) {
			return micros.getValueAtPercentile(percentile) / 1000.0;
		}

		long failed() {
			return failures.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/**
	 * Sends {@code perSecond} requests a second for {@code length}; request {@code i} is made by
	 * {@code request.apply(i)}. Waits for every answer (at most a minute after the last send).
	 */
	static Result open(String name, HttpClient client, double perSecond, Duration length,
			IntFunction<HttpRequest> request) {
		var histogram = new ConcurrentHistogram(MAX_MICROS, 3);
		var ok = new AtomicLong();
		var failures = new ConcurrentHashMap<Integer, AtomicLong>();
		int count = (int) Math.max(1, Math.round(perSecond * length.toNanos() / 1e9));
		long interval = (long) (1e9 / perSecond);
		var pending = new ArrayList<CompletableFuture<?>>(count);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		for (int i = 0; i < count; i++) {
			long intended = start + i * interval;
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			var sent = client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding());
			pending.add(sent.handle((response, failure) -> {
				long micros = Math.min(MAX_MICROS, (System.nanoTime() - intended) / 1000);
				count(response, failure, micros, histogram, ok, failures);
				return null;
			}));
		}
		awaitAll(pending);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(name, histogram, ok.get(), snapshot(failures), seconds);
	}

	/** {@code clients} threads, each sending its next request when the last one is answered, for {@code length}. */
	static Result closed(String name, HttpClient client, int clients, Duration length,
			IntFunction<HttpRequest> request) {
		var histogram = new ConcurrentHistogram(MAX_MICROS, 3);
		var ok = new AtomicLong();
		var failures = new ConcurrentHashMap<Integer, AtomicLong>();
		var sequence = new AtomicLong();
		long start = System.nanoTime();
		long end = start + length.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			var thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					HttpResponse<Void> response = null;
					Throwable failure = null;
					try {
						response = client.send(request.apply((int) sequence.getAndIncrement()),
								HttpResponse.BodyHandlers.discarding());
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
					catch (Exception e) {
						failure = e;
					}
					count(response, failure, (System.nanoTime() - sent) / 1000, histogram, ok, failures);
				}
			}, "bench-client-" + c);
			thread.start();
			threads.add(thread);
		}
		for (var thread : threads) {
			join(thread);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(name, histogram, ok.get(), snapshot(failures), seconds);
	}

	private static void count(HttpResponse<?> response, Throwable failure, long micros, Histogram histogram,
			AtomicLong ok, Map<Integer, AtomicLong> failures) {
		if (failure == null && response.statusCode() / 100 == 2) {
			histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, micros)));
			ok.incrementAndGet();
		}
		else {
			// 0: no answer at all (refused connection, timeout)
			int status = failure == null ? response.statusCode() : 0;
			failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
		}
	}

	private static Map<Integer, Long> snapshot(Map<Integer, AtomicLong> failures) {
		var copy = new TreeMap<Integer, Long>();
		failures.forEach((status, n) -> copy.put(status, n.get()));
		return copy;
	}

	private static void awaitAll(List<CompletableFuture<?>> pending) {
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("answers still missing a minute after the last request", e);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An HTTP/1.1 client (no h2c upgrade on plain http) with connections enough for the closed loops. */
	static HttpClient client(java.net.CookieHandler cookies) {
		var builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10));
		if (cookies != null) {
			builder.cookieHandler(cookies);
		}
		return builder.build();
	}
}
