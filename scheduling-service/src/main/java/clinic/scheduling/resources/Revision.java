package clinic.scheduling.resources;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One version of a resource as it was written: the change, the resource's state then, who and when. */
public record Revision(ResourceKind resource, UUID resourceId, long version, Change change,
		Map<String, Object> snapshot, String changedBy, Instant changedAt) {

	public enum Change {
		CREATED, UPDATED, REMOVED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static Change ofCode(String code) {
			return valueOf(code.toUpperCase(java.util.Locale.ROOT));
		}
	}
}
