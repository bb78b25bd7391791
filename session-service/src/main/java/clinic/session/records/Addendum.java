package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

/** A correction or late note to a record, with its author and time; never changed once written. */
public record Addendum(UUID id, String text, String writtenBy, Instant writtenAt) {
}
