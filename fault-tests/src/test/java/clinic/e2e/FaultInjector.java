package clinic.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import clinic.launcher.Part;
import clinic.launcher.Stack;

/**
 * Crashes one part of a running suite the hard way (SIGKILL to its process and every process under it, as a power cut
 * or the kernel's OOM killer would) and waits until the launcher's supervision has brought it back and it answers
 * again. Which process is the part's comes from the launcher's pid files ({@code <data>/run/<part>.pid}); whether it
 * answers is asked the way a client would (health endpoint, a database connection, the broker's metadata, the realm).
 */
final class FaultInjector {

	/** One crash: the part, the process killed, when, and how long until it answered again. */
	record Crash(Part part, long pid, Instant at, Duration back) {
	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Stack stack;

	FaultInjector(Stack stack) {
		this.stack = stack;
	}

	Crash crash(Part part, Duration patience) {
		var process = process(part).orElseThrow(() -> new AssertionError(part + " is not running before its crash"));
		var at = Instant.now();
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError(part + " (pid " + process.pid() + ") did not die on SIGKILL", e);
		}
		await().alias(part + " back after its crash (killed pid " + process.pid() + "; see " + stack.logFile(part) + ")")
			.atMost(patience)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> process(part).filter(p -> p.pid() != process.pid()).isPresent() && answers(part));
		return new Crash(part, process.pid(), at, Duration.between(at, Instant.now()));
	}

	/** The part's live process, from the launcher's pid file ("pid start-millis"). */
	Optional<ProcessHandle> process(Part part) {
		Path file = stack.config().dataDir().resolve("run").resolve(part.id() + ".pid");
		try {
			if (!Files.isRegularFile(file)) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		}
		catch (Exception e) {
			return Optional.empty();
		}
	}

	/** Whether the part answers a client now. */
	boolean answers(Part part) {
		try {
			return switch (part) {
				case POSTGRES -> {
					var props = new Properties();
					props.setProperty("user", "postgres");
					props.setProperty("password", "postgres");
					props.setProperty("connectTimeout", "2");
					try (var connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), props)) {
						yield connection.isValid(2);
					}
				}
				case KAFKA -> {
					try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
							stack.kafkaBootstrapServers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
							AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
						yield !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
					}
				}
				case KEYCLOAK -> ok(stack.issuerUri());
				case GATEWAY -> ok(stack.gatewayManagementUrl() + "/health");
				default -> ok(stack.serviceUrl(part) + "/actuator/health");
			};
		}
		catch (Exception e) {
			return false;
		}
	}

	private static boolean ok(String url) throws Exception {
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
				HttpResponse.BodyHandlers.discarding());
		return response.statusCode() == 200;
	}
}
