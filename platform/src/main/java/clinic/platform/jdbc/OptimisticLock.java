package clinic.platform.jdbc;

import clinic.platform.problems.ConflictException;

/**
 * The check after an update guarded by its version ({@code where id = :id and version = :previous}): it changed the
 * one row, or someone else changed the record since it was read, and the caller is told to reload (409).
 */
public final class OptimisticLock {

	private OptimisticLock() {
	}

	/** Throws a conflict naming {@code what} (for example "Course 5f…") unless exactly one row was updated. */
	public static void requireOneUpdated(int updated, String what) {
		if (updated != 1) {
			throw new ConflictException(what + " was changed by someone else; reload and try again");
		}
	}
}
