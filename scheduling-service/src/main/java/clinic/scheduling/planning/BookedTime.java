package clinic.scheduling.planning;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment already in the calendar: it holds {@code chairId} for {@code patientId} from {@code start} to
 * {@code end} and, while it runs, one place of nurse capacity. Only appointments that still hold their chair
 * (not cancelled) belong in a calendar.
 */
public record BookedTime(UUID chairId, UUID patientId, Instant start, Instant end) {
}
