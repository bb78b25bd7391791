package clinic.scheduling.planning;

import java.time.Instant;
import java.util.UUID;

/** A chair held from {@code start} to {@code end} (the whole chair time). */
public record Slot(UUID chairId, Instant start, Instant end) {
}
