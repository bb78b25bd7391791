package clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import clinic.platform.test.BadInputCorpus;
import clinic.scheduling.booking.NoShowSweep;

/**
 * The bad-input corpus against every operation of scheduling's OpenAPI document, each called by a caller with its role:
 * no server error, every error problem+json, a wrong field named, nothing stored.
 */
class BadInputTest extends SchedulingIntegrationTest {

	@Test
	void givenBadInputForEveryOperation_whenSent_thenEachIsRefusedWithAProblemNamingTheFieldAndNothingIsStored()
			throws Exception {
		// Other tests' past appointments are marked no-show by the sweep every few minutes; marked now, a sweep during
		// the run cannot add history rows that would look like bad input stored (seen once in a full run).
		context.getBean(NoShowSweep.class).sweep();
		var report = new BadInputCorpus(context, mvc, json, jdbc).run("scheduling", "/api/scheduling/openapi",
				// dead_letter: the broker's copy of other tests' poison events, parked when their retries run out (4 arrived
				// during one full run); no request writes it
				Pattern.compile("audit_log|event_publication.*|flyway_schema_history|inbox.*|dead_letter"));
		System.out.println(report.summary());
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/bad-input.txt"), report.summary() + "\n" + String.join("\n", report.slowest()) + "\n" + report.details());
		assertThat(report.details()).isEmpty();
		assertThat(report.operations()).isGreaterThan(10);
	}
}
