package clinic.scheduling.resources;

import java.time.LocalDate;
import java.util.UUID;

/** A whole day a site is closed (a holiday, maintenance), a date of the site's own time zone. */
public record Closure(UUID id, UUID siteId, LocalDate date, String reason, long version) {
}
