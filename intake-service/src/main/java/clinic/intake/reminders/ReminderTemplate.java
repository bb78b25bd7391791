package clinic.intake.reminders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The words of a reminder of one kind on one channel, a site's own ({@code siteId}) or the clinic's default (null). */
public record ReminderTemplate(@Nullable UUID siteId, ReminderKind kind, Channel channel, @Nullable String subject,
		String body, String updatedBy, Instant updatedAt) {
}
