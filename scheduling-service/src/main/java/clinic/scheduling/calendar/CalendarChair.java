package clinic.scheduling.calendar;

import java.util.Set;
import java.util.UUID;

/** A chair of the site with its room, its attributes (recliner, monitor, ...) and whether it is in service. */
public record CalendarChair(UUID id, String name, String room, Set<String> attributes, boolean active) {

	public CalendarChair {
		attributes = Set.copyOf(attributes);
	}

	/** Whether the chair is in service and has every attribute asked for. */
	public boolean offers(Set<String> wanted) {
		return active && attributes.containsAll(wanted);
	}
}
