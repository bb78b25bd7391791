package clinic.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import clinic.contracts.KafkaTopics;

/**
 * The real infrastructure integration tests run against, started once per test JVM: PostgreSQL 17 (zonky
 * binaries) and a Kafka broker in KRaft mode on random ports, with the suite's topics. Each test context gets a
 * database of its own, so contexts never see each other's rows. As in production, a service's migrations run as the
 * database's owner role and the service itself as an application role that owns nothing ({@link #applicationRole}).
 */
public final class RealInfrastructure {

	/** Password of every role made here (test databases only). */
	public static final String ROLE_PASSWORD = "test";

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker kafka;

	private RealInfrastructure() {
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			// a topic a test makes on the fly gets an event topic's partitions
			var broker = new EmbeddedKafkaKraftBroker(1, KafkaTopics.PARTITIONS.get(KafkaTopics.INTAKE));
			broker.kafkaPorts(0);
			broker.afterPropertiesSet();
			// the suite's topics with their partitions, as the launcher and compose create them
			broker.addTopics(KafkaTopics.PARTITIONS.entrySet()
				.stream()
				.map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
				.toArray(NewTopic[]::new));
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		}
		return kafka.getBrokersAsString();
	}

	/** The role a service's migrations run as, owner of its databases, e.g. {@code intake_service_owner}. */
	public static String ownerRole(String application) {
		return roleStem(application) + "_owner";
	}

	/** The role a service runs as: it may log in and connect to its databases, and owns nothing. */
	public static String applicationRole(String application) {
		return roleStem(application) + "_app";
	}

	private static String roleStem(String application) {
		return application.replaceAll("[^a-z]", "_");
	}

	/** Creates an empty database owned by the service's owner role and returns its JDBC URL. */
	public static synchronized String newDatabase(String prefix) {
		try {
			if (postgres == null) {
				postgres = EmbeddedPostgres.builder().start();
				var started = postgres;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						started.close();
					}
					catch (IOException e) {
						// the JVM is going away anyway
					}
				}));
			}
			var name = prefix.replaceAll("[^a-z]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
			var owner = ownerRole(prefix);
			var app = applicationRole(prefix);
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				for (var role : new String[] { owner, app }) {
					if (!statement.executeQuery("select from pg_roles where rolname = '" + role + "'").next()) {
						statement.execute("create role " + role + " login password '" + ROLE_PASSWORD + "'");
					}
				}
				statement.execute("create database " + name + " owner " + owner);
				statement.execute("revoke connect, temporary on database " + name + " from public");
				statement.execute("grant connect on database " + name + " to " + app);
			}
			// no user in the URL: it would override the roles the properties name
			return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Properties that point a service at the real infrastructure, with a fresh database and a consumer group
	 * of its own (cached test contexts must not split partitions between them).
	 */
	public static Map<String, Object> serviceProperties(String application) {
		var properties = new HashMap<String, Object>();
		properties.put("spring.datasource.url", newDatabase(application));
		properties.put("spring.datasource.username", applicationRole(application));
		properties.put("spring.datasource.password", ROLE_PASSWORD);
		properties.put("spring.flyway.user", ownerRole(application));
		properties.put("spring.flyway.password", ROLE_PASSWORD);
		properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
		properties.put("clinic.events.group", application + "-test-" + UUID.randomUUID());
		properties.put("clinic.events.resubmit-interval", "PT0.5S");
		properties.put("clinic.events.resubmit-older-than", "PT1S");
		properties.put("clinic.events.retry.initial-interval", "100ms");
		// webhooks: sent every 200 ms, retried after 0.1-0.2 s, 0.2-0.4 s, ... at most 1 s, given up after 10 attempts
		// (about 6 s: a receiver down for a while must still have attempts left when it is back on a slow machine)
		properties.put("clinic.webhooks.dispatch-interval", "PT0.2S");
		properties.put("clinic.webhooks.initial-backoff", "PT0.2S");
		properties.put("clinic.webhooks.max-backoff", "PT1S");
		properties.put("clinic.webhooks.max-attempts", "10");
		properties.put("clinic.webhooks.connect-timeout", "PT1S");
		properties.put("clinic.webhooks.read-timeout", "PT2S");
		properties.put("clinic.webhooks.claim-timeout", "PT1S");
		properties.put("clinic.events.retry.max-interval", "1s");
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:1/realms/clinic");
		// contexts still cached at JVM exit may outlive the database's shutdown hook: fail fast, do not hang
		properties.put("spring.datasource.hikari.connection-timeout", "2000");
		return properties;
	}

	/**
	 * Makes the database of this JDBC URL refuse every new connection and ends the open ones ({@code accept} false),
	 * as if PostgreSQL were down for the service using it, or lets it accept them again. Other databases (other test
	 * contexts) are not touched.
	 */
	public static synchronized void acceptConnections(String jdbcUrl, boolean accept) {
		var name = jdbcUrl.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
		if (!name.matches("[a-z_0-9]+")) {
			throw new IllegalArgumentException("Not a test database: " + jdbcUrl);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("alter database " + name + " allow_connections " + accept);
			if (!accept) {
				connection.createStatement()
					.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
							+ "' and pid <> pg_backend_pid()");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public static void register(DynamicPropertyRegistry registry, String application) {
		serviceProperties(application).forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * Points the context being started at the real infrastructure, with a database and a consumer group of its own,
	 * for the service its {@code spring.application.name} names. One initializer class for every test class keeps
	 * the test contexts of a module one cached context.
	 */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			var environment = context.getEnvironment();
			var application = environment.getRequiredProperty("spring.application.name");
			environment.getPropertySources()
				.addFirst(new MapPropertySource("real-infrastructure", serviceProperties(application)));
		}
	}
}
