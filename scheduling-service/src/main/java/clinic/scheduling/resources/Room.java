package clinic.scheduling.resources;

import java.util.UUID;

/** A room of a site: chairs stand in it, consultations may be held in it. */
public record Room(UUID id, UUID siteId, String siteName, String name, long version) {
}
