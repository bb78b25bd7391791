package clinic.scheduling.agenda;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the agenda is read: every visit of the clinic, infusions and consultations alike. */
public interface Agenda {

	/** A page of the visits that match, earliest first. */
	record Found(List<Visit> items, long total) {

		public Found {
			items = List.copyOf(items);
		}
	}

	Optional<Visit> find(UUID id);

	Found search(VisitCriteria criteria, int offset, int limit);
}
