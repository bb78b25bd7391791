package clinic.gateway.support;

/**
 * The stand-ins the gateway talks to during tests, started once per test JVM so that every test class can share
 * one Spring context.
 */
public final class TestInfrastructure {

	public static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	public static final RecordingService INTAKE = RecordingService.start("intake");

	public static final RecordingService SCHEDULING = RecordingService.start("scheduling");

	public static final RecordingService SESSION = RecordingService.start("session");

	private TestInfrastructure() {
	}

	public static void reset() {
		KEYCLOAK.reset();
		INTAKE.reset();
		SCHEDULING.reset();
		SESSION.reset();
	}

}
