package clinic.scheduling.resources;

import java.util.UUID;

/** A place the clinic treats patients at. */
public record Site(UUID id, String name, long version) {
}
