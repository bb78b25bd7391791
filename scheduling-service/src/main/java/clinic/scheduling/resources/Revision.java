package clinic.scheduling.resources;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a resource as it was written: the change, the resource's state then, who and when. A removal is a
 * version of its own (the last version + 1) whose snapshot is the state that was removed.
 */
public record Revision(ResourceKind resource, UUID resourceId, long version, Change change,
		Map<String, Object> snapshot, String changedBy, Instant changedAt) {

	public enum Change {
		CREATED, UPDATED, REMOVED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Change ofCode(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}
	}
}
