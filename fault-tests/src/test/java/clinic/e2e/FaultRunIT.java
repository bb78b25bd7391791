package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.launcher.Part;

/**
 * The fault run's short form: at least 50 patient paths through the gateway while each part of the suite, PostgreSQL
 * and Keycloak included, is killed once with SIGKILL and brought back by the launcher. Nothing a member of staff was
 * told was done may be lost or doubled, and no invariant across the services may break. Report:
 * {@code fault-tests/target/fault-report-short.md}.
 * Part of every build ({@code ./mvnw verify}); the long form is {@link LongFaultRunIT}.
 */
class FaultRunIT {

	@Test
	void everyPathSurvivesOneCrashOfEachPart() throws Exception {
		// six nurses, a ward of 20 chairs, room for about 750 courses: the run walks as many paths as the seven crashes
		// take time for (303 on the 2-core machine on 2026-11-30), and the 8 chairs of two nurses were full after 300
		var outcome = new FaultRun(new FaultRun.Plan("short", 50, 4, List.of(Part.SCHEDULING, Part.SESSION, Part.INTAKE,
				Part.KAFKA, Part.GATEWAY, Part.POSTGRES, Part.KEYCLOAK), 6)).run();

		assertThat(outcome.crashes()).hasSize(7);
		assertThat(outcome.walked()).hasSizeGreaterThanOrEqualTo(50);
		assertThat(outcome.violations()).as("violations (report: " + outcome.report() + ")").isEmpty();
	}
}
