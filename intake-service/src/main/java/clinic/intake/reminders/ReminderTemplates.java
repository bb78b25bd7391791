package clinic.intake.reminders;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.InvalidInputException;

/**
 * The words of the reminders: the clinic's defaults (seeded by migration V9) and each site's own, per kind and
 * channel, changed by an administrator. Placeholders in braces are filled at sending; a template naming one that does
 * not exist is refused, so a patient never gets "{strat}".
 */
@Service
public class ReminderTemplates {

	/** What a template may name. */
	public static final Set<String> PLACEHOLDERS = Set.of("givenName", "familyName", "start", "site", "chair",
			"sequence", "infusions", "appointments");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private final Reminders reminders;

	private final Clock clock;

	ReminderTemplates(Reminders reminders, Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	/** A message ready to send: the subject only for e-mail. */
	public record Message(@Nullable String subject, String body) {
	}

	@Transactional(readOnly = true)
	public List<ReminderTemplate> all() {
		return reminders.templates();
	}

	/** Sets the site's template (or the clinic's default when {@code siteId} is null). */
	@Transactional
	public ReminderTemplate save(@Nullable UUID siteId, ReminderKind kind, Channel channel, @Nullable String subject,
			String body, String by) {
		if (channel == Channel.EMAIL && (subject == null || subject.isBlank())) {
			throw new InvalidInputException("subject", "an e-mail needs a subject");
		}
		if (channel == Channel.SMS && subject != null) {
			throw new InvalidInputException("subject", "a text message has no subject; leave it out");
		}
		if (subject != null) {
			requireKnownPlaceholders("subject", subject);
		}
		requireKnownPlaceholders("body", body);
		var template = new ReminderTemplate(siteId, kind, channel, subject, body, by, clock.instant());
		reminders.saveTemplate(template);
		return template;
	}

	/** The site's (else the default) template of this kind and channel, its placeholders filled from {@code values}. */
	@Transactional(readOnly = true)
	public Message render(@Nullable UUID siteId, ReminderKind kind, Channel channel, Map<String, String> values) {
		var template = reminders.template(siteId, kind, channel)
			.orElseThrow(() -> new IllegalStateException("no reminder template for " + kind + " " + channel));
		return new Message(template.subject() == null ? null : fill(template.subject(), values),
				fill(template.body(), values));
	}

	static String fill(String text, Map<String, String> values) {
		return PLACEHOLDER.matcher(text)
			.replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
	}

	private static void requireKnownPlaceholders(String field, String text) {
		var matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!PLACEHOLDERS.contains(matcher.group(1))) {
				throw new InvalidInputException(field, "unknown placeholder {" + matcher.group(1) + "}; known: "
						+ PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
			}
		}
	}
}
