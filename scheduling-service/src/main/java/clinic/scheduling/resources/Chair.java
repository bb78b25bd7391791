package clinic.scheduling.resources;

import java.util.UUID;

/** A chair an infusion is given in, at a site of the clinic. */
public record Chair(UUID id, String name, UUID siteId, String siteName) {
}
