package clinic.scheduling.resources;

import java.time.Instant;
import java.util.UUID;

/** A nurse's shift outside the rota (cover, an extra day) at a site, from {@code start} to {@code end}. */
public record ExtraShift(UUID id, UUID siteId, String nurse, Instant start, Instant end, int chairsWatched,
		long version) {
}
