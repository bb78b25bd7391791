package clinic.gateway.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the gateway's integration tests: the real application on a random port (and a random management port),
 * sessions in a real PostgreSQL, services and Keycloak replaced by local stand-ins. Every subclass shares one
 * Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.main.banner-mode=off",
				// both owners, as once session serves its Observations and QuestionnaireResponses (application.yml)
				"clinic.gateway.fhir.shared-types.Observation=intake,session",
				"clinic.gateway.fhir.shared-types.QuestionnaireResponse=intake,session",
				// every service's audit trail (application.yml)
				"clinic.gateway.fhir.shared-types.AuditEvent=intake,scheduling,session",
				// the first call to an owner in a JVM (load balancer, HAPI's first parse) can take 10 s on a busy machine;
				// an owner that is down is told by its answer or refused connection, not by this timeout
				"clinic.gateway.fhir.owner-timeout=60s" })
@Import(FakeKeycloakRegistration.class)
public abstract class GatewayTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("DB_URL", TestPostgres::jdbcUrl);
		registry.add("INTAKE_URL", TestInfrastructure.INTAKE::url);
		registry.add("SCHEDULING_URL", TestInfrastructure.SCHEDULING::url);
		registry.add("SESSION_URL", TestInfrastructure.SESSION::url);
	}

	@BeforeEach
	void resetStandIns() {
		TestInfrastructure.reset();
	}

}
