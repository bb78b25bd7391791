package clinic.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from {@code timestamptz} columns, for the persistence adapters' SQL: the PostgreSQL driver takes
 * and gives neither {@link Instant} itself, so each goes through {@link Timestamp}. SQL null is Java null both ways.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** The instant as a statement parameter. */
	public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** The column of the current row as an instant. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
