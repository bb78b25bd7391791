package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.e2e.FaultInjector.Target;
import clinic.launcher.Part;

/**
 * The fault run's long form ({@code ./mvnw verify -Plong}): at least 500 patient paths, eight workers, a ward of
 * twelve nurses, and three rounds of crashes of every part. Each worker pauses 20 s between paths: the 21 crashes take
 * about three quarters of an hour, and workers at full speed would walk thousands of paths meanwhile and book the
 * ward's calendar full (a later proposal then finds no room, a failure of the harness, not of the suite). Report:
 * {@code fault-tests/target/fault-report-long.md}.
 */
@Tag("long")
class LongFaultRunIT {

	@Test
	void everyPathSurvivesThreeRoundsOfCrashes() throws Exception {
		var crashes = new ArrayList<Target>();
		for (int round = 0; round < 3; round++) {
			Stream.of(Part.SCHEDULING, Part.SESSION, Part.INTAKE, Part.KAFKA, Part.GATEWAY, Part.POSTGRES, Part.KEYCLOAK)
				.map(Target::of)
				.forEach(crashes::add);
		}
		// twelve nurses, 38 chairs: the paths walked while 21 crashes come and go all find a course
		var outcome = new FaultRun(new FaultRun.Plan("long", 500, 8, crashes, 1, Duration.ofSeconds(20), 12)).run();

		assertThat(outcome.crashes()).hasSize(crashes.size());
		assertThat(outcome.walked()).hasSizeGreaterThanOrEqualTo(500);
		assertThat(outcome.violations()).as("violations (report: " + outcome.report() + ")").isEmpty();
	}
}
