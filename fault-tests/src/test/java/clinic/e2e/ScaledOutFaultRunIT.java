package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.e2e.FaultInjector.Target;
import clinic.launcher.Part;

/**
 * The fault run across instances ({@code ./mvnw verify -Plong}): the suite with two instances of each service and two
 * gateways ({@code --instances 2}) against the one PostgreSQL and Kafka, the staff spread over both gateways (each
 * going on at the other while theirs is down, in the same session), at least 50 patient paths, and one instance of
 * every part killed in turn with SIGKILL, then the other, PostgreSQL, Kafka and Keycloak once each. Nothing a member of
 * staff was told was done may be lost or doubled, and no invariant across the services may break. Report:
 * {@code fault-tests/target/fault-report-scaled-out.md}.
 */
@Tag("long")
class ScaledOutFaultRunIT {

	@Test
	void everyPathSurvivesCrashesOfEitherInstanceOfEachPart() throws Exception {
		var crashes = List.of(new Target(Part.SCHEDULING, 1), new Target(Part.SESSION, 2), new Target(Part.INTAKE, 1),
				Target.of(Part.KAFKA), new Target(Part.GATEWAY, 1), Target.of(Part.POSTGRES), new Target(Part.GATEWAY, 2),
				Target.of(Part.KEYCLOAK), new Target(Part.SCHEDULING, 2), new Target(Part.SESSION, 1),
				new Target(Part.INTAKE, 2));
		var outcome = new FaultRun(new FaultRun.Plan("scaled-out", 50, 4, crashes, 2)).run();

		assertThat(outcome.crashes()).hasSize(crashes.size());
		assertThat(outcome.walked()).hasSizeGreaterThanOrEqualTo(50);
		assertThat(outcome.violations()).as("violations (report: " + outcome.report() + ")").isEmpty();
	}
}
