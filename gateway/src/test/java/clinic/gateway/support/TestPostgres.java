package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 17 (zonky binaries) for the whole test run, with a database {@code gateway} as in production.
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
				try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
					connection.createStatement().execute("CREATE DATABASE gateway");
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
		return postgres.getJdbcUrl("postgres", "gateway");
	}

}
