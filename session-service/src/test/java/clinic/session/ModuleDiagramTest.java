package clinic.session;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import clinic.platform.test.ModuleDiagrams;

/** The diagram of the service's packages in docs/modules is the one the code draws ({@link ModuleDiagrams}). */
class ModuleDiagramTest {

	@Test
	void theCommittedDiagramIsTheCodes() {
		ModuleDiagrams.check(SessionApplication.class, Path.of("..", "docs", "modules", "session-service.puml"));
	}
}
