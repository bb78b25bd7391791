package clinic.session.records;

import java.time.Instant;

/** Who signed and when. */
public record Signature(String signedBy, Instant signedAt) {
}
