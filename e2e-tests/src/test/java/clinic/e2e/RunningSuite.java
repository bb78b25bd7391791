package clinic.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import clinic.launcher.Part;
import clinic.launcher.ProgressListener;
import clinic.launcher.Stack;
import clinic.launcher.StackConfig;

/**
 * The whole suite started the way {@code ./clinic up} starts it (real PostgreSQL, Kafka, Keycloak, the four services
 * as separate processes on the jars this build packaged), once for every end-to-end test class of the run (failsafe
 * runs them in one JVM) and stopped when the run ends. Its clock says next Monday 08:30 in Zurich whenever the run
 * is: the clinic is open, nurses are on shift, and an infusion booked for 09:00 is charted on its day. On a failure
 * the end of every part's log goes to the test output.
 */
public final class RunningSuite implements BeforeAllCallback, TestWatcher {

	public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Zurich");

	private static Stack stack;

	private static Duration clinicOffset;

	private static ShortLivedToken shortLived;

	/**
	 * A token of the client whose tokens live one second ({@code clinic-probe-short-lived}), and what intake answered
	 * it the moment it was issued: taken when the suite comes up, so that by the time the access policy's test asks
	 * whether an expired token is refused (the services allow 60 s of clock skew), it has long expired and nobody
	 * waits for it.
	 */
	public record ShortLivedToken(String token, int firstAnswer, Instant issuedAt) {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	private static synchronized void start(ExtensionContext context) {
		if (stack != null) {
			return;
		}
		var project = Path.of("").toAbsolutePath().getParent();
		try {
			var data = Files.createTempDirectory(project.resolve("e2e-tests/target"), "stack-");
			clinicOffset = mondayMorningOffset();
			var config = config(project, data, clinicOffset);
			Part.SERVICES.forEach(service -> System.out.println(service.id() + ": " + config.serviceJar(service)));
			stack = Stack.start(config, ProgressListener.console(System.out));
			System.out.println("Suite up in " + stack.startupTime().toSeconds() + " s");
			shortLived = shortLivedToken(stack);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		var started = stack;
		// closed when the whole run ends, after the last class that uses it
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.put(RunningSuite.class, (AutoCloseable) started::close);
	}

	/** From now to next Monday 08:30 in Zurich: the offset of the suite's clock. */
	static Duration mondayMorningOffset() {
		var monday = LocalDate.now(CLINIC_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		return Duration.between(Instant.now(), monday.atTime(8, 30).atZone(CLINIC_ZONE).toInstant());
	}

	/**
	 * The suite as the end-to-end tests run it: data in {@code data}, random ports, the clock moved by
	 * {@code clinicOffset}, on the service jars this build packaged (failsafe passes them; run from an IDE, the ones in
	 * each module's target/).
	 */
	static StackConfig config(Path project, Path data, Duration clinicOffset) {
		return config(project, data, clinicOffset, 1);
	}

	/** As {@link #config(Path, Path, Duration)}, with {@code instances} of each service and of the gateway. */
	static StackConfig config(Path project, Path data, Duration clinicOffset, int instances) {
		var builder = StackConfig.builder()
			.instances(instances)
			.projectDir(project)
			.dataDir(data)
			.keycloakDir(project.resolve(".clinic/keycloak-e2e"))
			.randomPorts()
			.serviceEnv("CLINIC_CLOCK_OFFSET", clinicOffset.toString())
			// the only clinical setting changed: a run cannot wait the real hour of observation after an infusion
			.serviceEnv(Part.SESSION, "CLINIC_SESSION_DISCHARGE_POSTINFUSIONOBSERVATION", "0m");
		for (var service : Part.SERVICES) {
			var jar = System.getProperty("clinic.e2e.jar." + service.id(), "");
			if (!jar.isBlank()) {
				builder.serviceJar(service, Path.of(jar));
			}
		}
		return builder.build();
	}

	public static Stack stack() {
		return stack;
	}

	/** See {@link ShortLivedToken}. */
	public static ShortLivedToken shortLived() {
		return shortLived;
	}

	private static ShortLivedToken shortLivedToken(Stack stack) throws IOException, InterruptedException {
		var http = HttpClient.newHttpClient();
		var issued = http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClinicUser.formBody("grant_type", "client_credentials",
					"client_id", "clinic-probe-short-lived", "client_secret", "clinic-probe-short-lived-demo-secret")))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (issued.statusCode() != 200) {
			throw new IllegalStateException("clinic-probe-short-lived got no token: " + issued.body());
		}
		var token = ClinicUser.JSON.readTree(issued.body()).get("access_token").asString();
		var answer = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl(Part.INTAKE) + "/api/intake/patients"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.discarding());
		return new ShortLivedToken(token, answer.statusCode(), Instant.now());
	}

	/** The suite's clock, as the services read it. */
	public static Clock clinicClock() {
		return Clock.offset(Clock.systemUTC(), clinicOffset);
	}

	/** Now on the suite's clock. */
	public static Instant clinicNow() {
		return Instant.now().plus(clinicOffset);
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (stack == null) {
			return;
		}
		for (var part : Part.values()) {
			try {
				var lines = Files.readAllLines(stack.logFile(part));
				System.out.println("---- last lines of " + stack.logFile(part) + " after " + context.getDisplayName());
				lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
			}
			catch (IOException | RuntimeException e) {
				System.out.println("(no log for " + part + ": " + e + ")");
			}
		}
	}
}
