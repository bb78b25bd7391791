package clinic.session.records;

import java.time.Instant;

/** When an IV infusion ended (run through, or stopped after an alert) and who recorded it: recovery starts. */
public record InfusionEnd(String endedBy, Instant endedAt) {
}
