package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 17 (zonky binaries) for the whole test run, with a database {@code gateway} as in production:
 * owned by the role migrations run as, the gateway connecting as an application role that owns nothing.
 * Stopped by a shutdown hook when the JVM ends.
 */
public final class TestPostgres {

	private static EmbeddedPostgres postgres;

	private TestPostgres() {
	}

	public static synchronized String jdbcUrl() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
				try (Connection connection = postgres.getPostgresDatabase().getConnection();
						var statement = connection.createStatement()) {
					// the roles and passwords application.yml defaults to: the gateway runs as gateway_app
					statement.execute("CREATE ROLE gateway_owner LOGIN PASSWORD 'clinic-owner-demo'");
					statement.execute("CREATE ROLE gateway_app LOGIN PASSWORD 'clinic-app-demo'");
					statement.execute("CREATE DATABASE gateway OWNER gateway_owner");
					statement.execute("REVOKE CONNECT, TEMPORARY ON DATABASE gateway FROM PUBLIC");
					statement.execute("GRANT CONNECT ON DATABASE gateway TO gateway_app");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ignored) {
					// the JVM is ending anyway
				}
			}));
		}
		// no user in the URL: it would override the roles application.yml names
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/gateway";
	}

}
