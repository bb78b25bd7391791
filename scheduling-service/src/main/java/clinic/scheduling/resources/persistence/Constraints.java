package clinic.scheduling.resources.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;

import clinic.scheduling.resources.ResourceCollision;

/** Turns the store's refusals of a unique (23505) or exclusion (23P01) rule into {@link ResourceCollision}. */
final class Constraints {

	private Constraints() {
	}

	static <T> T guarded(Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DataAccessException e) {
			var state = sqlState(e);
			if ("23505".equals(state) || "23P01".equals(state)) {
				throw new ResourceCollision(constraint(e), e);
			}
			throw e;
		}
	}

	static void guarded(Runnable write) {
		guarded(() -> {
			write.run();
			return null;
		});
	}

	private static @Nullable String sqlState(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static String constraint(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
					&& psql.getServerErrorMessage().getConstraint() != null) {
				return psql.getServerErrorMessage().getConstraint();
			}
		}
		return "unknown constraint";
	}
}
