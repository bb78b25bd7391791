package clinic.scheduling.resources;

import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place the clinic treats patients at. {@code timeZone} is the site's own IANA zone; null while it keeps the
 * clinic's ({@code clinic.scheduling.time-zone}).
 */
public record Site(UUID id, String name, @Nullable ZoneId timeZone, long version) {
}
