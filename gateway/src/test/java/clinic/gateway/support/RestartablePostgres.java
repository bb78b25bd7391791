package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of its own that a test can stop and start again on the same port and data directory, as an outage
 * and a restart of the gateway's session store would look to the gateway. (The shared {@link TestPostgres} stays
 * up for every other test.)
 */
public final class RestartablePostgres implements AutoCloseable {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres running;

	private RestartablePostgres(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/** Started, with an empty database {@code gateway}. */
	public static RestartablePostgres start() {
		try {
			EmbeddedPostgres first = EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("gateway-outage-pg"))
				.setCleanDataDirectory(false)
				.start();
			try (Connection connection = first.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("CREATE DATABASE gateway");
			}
			RestartablePostgres postgres = new RestartablePostgres(dataDirectoryOf(first), first.getPort());
			postgres.running = first;
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/gateway";
	}

	/** Stops the server (fast shutdown: open connections are cut). */
	public synchronized void stop() {
		if (this.running != null) {
			try {
				this.running.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.running = null;
		}
	}

	/** Starts it again on the same port, with the data it had. */
	public synchronized void restart() {
		stop();
		try {
			this.running = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		stop();
	}

	private static Path dataDirectoryOf(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var result = connection.createStatement().executeQuery("SHOW data_directory")) {
			result.next();
			return Path.of(result.getString(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
