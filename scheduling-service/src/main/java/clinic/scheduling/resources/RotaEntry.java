package clinic.scheduling.resources;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A nurse's weekly shift at a site: on the ISO weekday {@code dayOfWeek} from {@code starts} to {@code ends} (wall
 * clock), watching at most {@code chairsWatched} chairs at once, from {@code validFrom} until {@code validUntil}
 * (inclusive; null: open-ended).
 */
public record RotaEntry(UUID id, UUID siteId, String nurse, int dayOfWeek, LocalTime starts, LocalTime ends,
		int chairsWatched, LocalDate validFrom, @Nullable LocalDate validUntil, long version) {
}
