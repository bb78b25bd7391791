package clinic.intake.reminders;

import java.time.Instant;

/** The patient's consent to a channel as last recorded; {@code granted} false is an opt-out. */
public record ChannelConsent(Channel channel, boolean granted, String recordedBy, Instant recordedAt) {
}
