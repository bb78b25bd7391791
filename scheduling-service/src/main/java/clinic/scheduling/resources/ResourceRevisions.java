package clinic.scheduling.resources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only history of every resource version (resource_revision). */
public interface ResourceRevisions {

	/** Keeps one version; the snapshot is stored as JSON of the record's components. */
	void append(ResourceKind kind, UUID resourceId, long version, Revision.Change change, Object snapshot,
			String changedBy, Instant changedAt);

	/** The resource's revisions, oldest first. */
	List<Revision> of(ResourceKind kind, UUID resourceId);

	/** The resource's latest version in the history; 0 when it has none. */
	long latestVersion(ResourceKind kind, UUID resourceId);
}
