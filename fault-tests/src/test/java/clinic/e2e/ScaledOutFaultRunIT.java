package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.e2e.FaultInjector.Target;
import clinic.launcher.Part;

/**
 * The fault run across instances ({@code ./mvnw verify -Plong}): the suite with two instances of each service and two
 * gateways ({@code --instances 2}) against the one PostgreSQL and Kafka, the staff spread over both gateways (each
 * going on at the other while theirs is down, in the same session), at least 50 patient paths, and an instance of
 * each service and each gateway killed in turn with SIGKILL (the first or the second). Each worker pauses 10 s between
 * paths: the crashes of a suite of eleven processes take longer to come back from, and paths walked at full speed
 * meanwhile book the ward's chairs full (a proposal then finds no room: 404). Nothing a member of staff was told was
 * done may be lost or doubled, and no invariant across the services may break. Report:
 * {@code fault-tests/target/fault-report-scaled-out.md}.
 */
@Tag("long")
class ScaledOutFaultRunIT {

	@Test
	void everyPathSurvivesCrashesOfEitherInstanceOfEachPart() throws Exception {
		var crashes = List.of(new Target(Part.SCHEDULING, 1), new Target(Part.SESSION, 2), new Target(Part.INTAKE, 1),
				new Target(Part.GATEWAY, 1), new Target(Part.GATEWAY, 2));
		var outcome = new FaultRun(new FaultRun.Plan("scaled-out", 50, 4, crashes, 2, Duration.ofSeconds(10))).run();

		assertThat(outcome.crashes()).hasSize(crashes.size());
		assertThat(outcome.walked()).hasSizeGreaterThanOrEqualTo(50);
		assertThat(outcome.violations()).as("violations (report: " + outcome.report() + ")").isEmpty();
	}
}
