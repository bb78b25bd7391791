package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is validated without a Docker engine: Compose's own parser plus the project's rules
 * (pinned images, health checks, service_healthy dependencies, the variables docs/runtime.md lists), and the
 * validator's self-test proves each rule rejects a deliberately broken copy. Needs Debian's docker-compose
 * package (.ci/run installs it).
 */
class ComposeFileTest {

	@Test
	void theComposeFilePassesComposeAndTheProjectRulesAndTheRulesCatchBrokenCopies() throws Exception {
		var project = Path.of("").toAbsolutePath().getParent();
		var process = new ProcessBuilder("bash", "compose/validate.sh", "--selftest").directory(project.toFile())
			.redirectErrorStream(true)
			.start();
		var finished = process.waitFor(5, TimeUnit.MINUTES);
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(finished).as("validator finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("compose: \\d+ passed, 0 failed").containsPattern("selftest: \\d+ passed, 0 failed");
	}
}
