package clinic.scheduling.resources;

import java.util.List;
import java.util.UUID;

/**
 * A chair an infusion is given in, in a room of a site. Its attributes (recliner, monitor, ...) are what the front
 * desk may need to match; a chair out of service is inactive (never deleted: its appointments keep pointing at it).
 */
public record Chair(UUID id, String name, UUID siteId, String siteName, UUID roomId, String roomName,
		List<String> attributes, boolean active, long version) {

	public Chair {
		attributes = List.copyOf(attributes);
	}
}
