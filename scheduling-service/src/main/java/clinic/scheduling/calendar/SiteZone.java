package clinic.scheduling.calendar;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A site with the zone it keeps time in (its own, or the clinic's): what events about its appointments carry, and
 * what reads an appointment's day.
 */
public record SiteZone(UUID siteId, String siteName, ZoneId zone) {
}
