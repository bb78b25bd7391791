package clinic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import clinic.launcher.Stack;

/**
 * Where PostgreSQL's time went during a run, from {@code pg_stat_statements} (loaded by the launcher): reset before
 * the run, read after it, the statements that took the most execution time across every service's database, per unit
 * of work (a course booked). Execution time only: parsing, commits and the WAL's flushes are not in it.
 */
final class StatementTime {

	private StatementTime() {
	}

	/** Forgets what was counted so far. */
	static void reset(Stack stack) {
		try (Connection db = connect(stack); var statement = db.createStatement()) {
			statement.execute("select pg_stat_statements_reset()");
		}
		catch (SQLException e) {
			throw new IllegalStateException("resetting pg_stat_statements", e);
		}
	}

	/** The {@code top} statements by execution time since the reset, each per {@code per} units of work, in words. */
	static List<String> top(Stack stack, int top, double per) {
		var lines = new ArrayList<String>();
		try (Connection db = connect(stack);
				var statement = db.prepareStatement("""
						select d.datname, s.calls, s.total_exec_time, s.rows,
						       regexp_replace(left(s.query, 160), '\\s+', ' ', 'g') as query,
						       sum(s.total_exec_time) over () as all_time, sum(s.calls) over () as all_calls
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						order by s.total_exec_time desc limit ?""")) {
			statement.setInt(1, top);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					if (lines.isEmpty()) {
						lines.add(String.format(Locale.ROOT, "all statements: %.1f calls, %.2f ms executing per course",
								rows.getDouble("all_calls") / per, rows.getDouble("all_time") / per));
					}
					lines.add(String.format(Locale.ROOT, "%s: %.1f calls, %.2f ms per course: `%s`",
							rows.getString("datname"), rows.getLong("calls") / per, rows.getDouble("total_exec_time") / per,
							rows.getString("query").replace('`', '\'').replace("|", "\\|")));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("reading pg_stat_statements", e);
		}
		return lines;
	}

	private static Connection connect(Stack stack) throws SQLException {
		var db = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "postgres");
		try (var statement = db.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
		}
		return db;
	}
}
