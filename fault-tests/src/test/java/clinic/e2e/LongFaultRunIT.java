package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.launcher.Part;

/**
 * The fault run's long form ({@code ./mvnw verify -Plong}): at least 500 patient paths, eight workers, a ward of
 * twelve nurses, and three rounds of crashes of every part. Report: {@code fault-tests/target/fault-report-long.md}.
 */
@Tag("long")
class LongFaultRunIT {

	@Test
	void everyPathSurvivesThreeRoundsOfCrashes() throws Exception {
		var crashes = new ArrayList<Part>();
		for (int round = 0; round < 3; round++) {
			crashes.addAll(List.of(Part.SCHEDULING, Part.SESSION, Part.INTAKE, Part.KAFKA, Part.GATEWAY, Part.POSTGRES,
					Part.KEYCLOAK));
		}
		// twelve nurses, 38 chairs: the paths walked while 21 crashes come and go (a thousand or more) all find a course
		var outcome = new FaultRun(new FaultRun.Plan("long", 500, 8, crashes, 12)).run();

		assertThat(outcome.crashes()).hasSize(crashes.size());
		assertThat(outcome.walked()).hasSizeGreaterThanOrEqualTo(500);
		assertThat(outcome.violations()).as("violations (report: " + outcome.report() + ")").isEmpty();
	}
}
