package clinic.scheduling.resources;

import java.time.LocalDate;
import java.util.UUID;

/** A whole day a site is closed (a holiday, maintenance), on the clinic's calendar. */
public record Closure(UUID id, UUID siteId, LocalDate date, String reason, long version) {
}
