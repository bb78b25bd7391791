package clinic.session.records;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When an IV infusion ended (run through, or stopped after an alert) and who recorded it: recovery starts. An
 * infusion ended before the clinic's shortest IV infusion carries the reason.
 */
public record InfusionEnd(String endedBy, Instant endedAt, @Nullable String reason) {
}
