package clinic.scheduling.resources;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.security.CurrentUser;

/** Writes each new resource version into the history, with the acting user and the clock's time. */
@Component
class RevisionLog {

	private final ResourceRevisions revisions;

	private final Clock clock;

	RevisionLog(ResourceRevisions revisions, Clock clock) {
		this.revisions = revisions;
		this.clock = clock;
	}

	void created(ResourceKind kind, UUID id, long version, Object snapshot) {
		append(kind, id, version, Revision.Change.CREATED, snapshot);
	}

	void updated(ResourceKind kind, UUID id, long version, Object snapshot) {
		append(kind, id, version, Revision.Change.UPDATED, snapshot);
	}

	void removed(ResourceKind kind, UUID id, long version, Object snapshot) {
		append(kind, id, version, Revision.Change.REMOVED, snapshot);
	}

	private void append(ResourceKind kind, UUID id, long version, Revision.Change change, Object snapshot) {
		revisions.append(kind, id, version, change, snapshot, CurrentUser.name(), clock.instant());
	}
}
