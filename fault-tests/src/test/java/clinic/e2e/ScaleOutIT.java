package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.launcher.Part;
import clinic.launcher.PortName;
import clinic.launcher.ProgressListener;
import clinic.launcher.Stack;

/**
 * Scale-out on one machine ({@code ./clinic up --instances 2}): two instances of each service and two gateways against
 * the same PostgreSQL and Kafka. A member of staff signs in at the first gateway; then the first gateway and the first
 * instance of every service are killed with SIGKILL at once, and before the launcher has brought any of them back the
 * same browser session carries on at the second gateway: reads from every service and changes sent as a page of the
 * second gateway sends them (its own origin, the CSRF token of the shared session), every one answered without an
 * error. The second gateway sends each call that finds a dead instance (connection refused, nothing sent) on to the
 * live one. (That the restarted instances take their share again, and a session goes on at a restarted gateway, the
 * fault run across instances shows: {@code ScaledOutFaultRunIT}.) Tagged {@code long}: starting eleven processes takes
 * three of the build's thirty minutes, and the scaled-out fault run covers the same ground and more.
 */
@Tag("long")
class ScaleOutIT {

	private static final List<Part> SERVICES = List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION);

	/** Calls per service while its first instance is dead: round robin sends every other one to the dead instance. */
	private static final int CALLS = 6;

	@Test
	void aSessionAndEveryServiceSurviveLosingOneGatewayAndOneInstanceOfEach() throws Exception {
		var project = Path.of("").toAbsolutePath().getParent();
		var data = Files.createTempDirectory(project.resolve("fault-tests/target"), "stack-");
		try (var stack = Stack.start(RunningSuite.config(project, data, RunningSuite.mondayMorningOffset(), 2),
				ProgressListener.console(System.out))) {
			System.out.println("Scale-out: two of each up in " + stack.startupTime().toSeconds() + " s");
			var atFirst = ClinicUser.signedIn(stack.gatewayUrl(1), "admin");
			var atSecond = atFirst.at(stack.gatewayUrl(2));
			assertThat(atSecond.get("/api/me").status()).as("the session signed in at gateway 1, at gateway 2")
				.isEqualTo(200);

			var killed = new ArrayList<Killed>();
			killed.add(kill(stack, Part.GATEWAY));
			for (var service : SERVICES) {
				killed.add(kill(stack, service));
			}
			var down = System.nanoTime();

			var answers = new ArrayList<String>();
			for (int i = 0; i < CALLS; i++) {
				for (var service : SERVICES) {
					var reply = atSecond.get("/api/" + service.database() + "/dead-letters");
					answers.add("GET " + service.database() + " " + reply.status());
					assertThat(reply.status()).as("GET %s dead letters at gateway 2 with instance 1 dead: %s",
							service.database(), ClinicUser.describe(reply)).isEqualTo(200);
				}
				var site = atSecond.postFromPage("/api/scheduling/sites", """
						{"name":"Scale-out site %d %d","timeZone":"Europe/Zurich"}""".formatted(System.nanoTime() % 100_000, i));
				answers.add("POST scheduling " + site.status());
				assertThat(site.status()).as("a change sent from gateway 2's page: %s", ClinicUser.describe(site))
					.isEqualTo(201);
			}
			var tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down);
			for (var each : killed) {
				assertThat(listening(stack.config().port(PortName.service(each.part(), 1)))).as(each.part().id()
						+ " instance 1 still down after the calls (else they showed nothing)").isFalse();
			}
			System.out.println("Scale-out: " + answers.size() + " calls at gateway 2 in " + tookMillis
					+ " ms with gateway 1 and instance 1 of every service dead: " + answers);
		}
	}

	private record Killed(Part part, long pid) {
	}

	private static boolean listening(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException refused) {
			return false;
		}
	}

	/** SIGKILL to instance 1 of the part (and anything under it), waited for until it is gone. */
	private static Killed kill(Stack stack, Part part) throws Exception {
		var pid = stack.pid(part, 1).orElseThrow(() -> new AssertionError(part + " instance 1 is not running"));
		var process = ProcessHandle.of(pid).orElseThrow();
		var children = process.descendants().toList();
		process.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		process.onExit().get(30, TimeUnit.SECONDS);
		return new Killed(part, pid);
	}
}
