package clinic.scheduling.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.scheduling.resources.Revision;

/** One version of a resource: created, updated or removed, its state then, who and when. */
record RevisionView(String resource, UUID resourceId, long version, String change, Map<String, Object> snapshot,
		String changedBy, Instant changedAt) {

	static RevisionView of(Revision r) {
		return new RevisionView(r.resource().code(), r.resourceId(), r.version(), r.change().code(), r.snapshot(),
				r.changedBy(), r.changedAt());
	}

	static List<RevisionView> of(List<Revision> revisions) {
		return revisions.stream().map(RevisionView::of).toList();
	}
}
