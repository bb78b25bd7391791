package clinic.gateway.support;

import java.util.ArrayList;
import java.util.List;

import clinic.gateway.GatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A further gateway in the test JVM, beside the shared test context: the real application with the stand-in
 * Keycloak, on random ports, with the given settings on top of the usual stand-ins.
 * <p>
 * It runs on Reactor Netty resources of its own. With the global ones (Boot's default), closing it would dispose
 * them under every other application in the JVM: the shared context's servers would stop accepting connections.
 */
public final class AnotherGateway {

	private AnotherGateway() {
	}

	/** Started; {@code settings} ({@code NAME=value}) override the stand-ins' URLs and the shared database. */
	public static ConfigurableApplicationContext start(String... settings) {
		return start(List.of(), settings);
	}

	/**
	 * As {@link #start(String...)}, with command line {@code arguments} ({@code --name=value}) on top of
	 * application.yml: a list such as {@code spring.cloud.discovery.client.simple.instances.intake[1].uri} replaces
	 * application.yml's only where it is set in a source above it (the settings are default properties, below it).
	 */
	public static ConfigurableApplicationContext start(List<String> arguments, String... settings) {
		List<String> properties = new ArrayList<>(List.of("SERVER_PORT=0", "MANAGEMENT_PORT=0",
				"spring.main.banner-mode=off", "DB_URL=" + TestPostgres.jdbcUrl(),
				"INTAKE_URL=" + TestInfrastructure.INTAKE.url(), "SCHEDULING_URL=" + TestInfrastructure.SCHEDULING.url(),
				"SESSION_URL=" + TestInfrastructure.SESSION.url()));
		properties.addAll(List.of(settings));
		// default properties: application.yml's ${SERVER_PORT:8080} and the like read these variables
		return new SpringApplicationBuilder(GatewayApplication.class, FakeKeycloakRegistration.class,
				OwnNettyResources.class)
			.properties(properties.toArray(String[]::new))
			.run(arguments.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

	}

}
