package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The interval a clinician set for a course's maintenance boosters. */
public record BoosterInterval(UUID courseId, int days, @Nullable String reason, String setBy, Instant setAt) {
}
