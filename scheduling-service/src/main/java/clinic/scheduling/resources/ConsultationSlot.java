package clinic.scheduling.resources;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A clinician's time for one consultation at a site, in a room or not. A clinician's slots never overlap. */
public record ConsultationSlot(UUID id, UUID siteId, @Nullable UUID roomId, String clinician, Instant start,
		Instant end, long version) {
}
