package clinic.intake.reminders;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientService;
import clinic.platform.problems.NotFoundException;

/**
 * Sends the due reminders. Several replicas may run it: a reminder is claimed (SENDING) by one statement that skips
 * rows another sender holds, each channel's SENDING is committed before the message goes and its outcome after, so a
 * sender that dies mid-send leaves an UNKNOWN channel that nobody sends again (never twice; at worst once missed). A
 * channel without the patient's consent (or address) is SKIPPED_NO_CONSENT; a FAILED one is tried again with growing
 * pauses until {@code max-attempts}. Nothing goes for a paused or cancelled course or an appointment no longer booked:
 * the claim cancels those first.
 */
@Service
public class ReminderSender {

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

	private final Reminders reminders;

	private final ReminderTemplates templates;

	private final ContactService contacts;

	private final PatientService patients;

	private final EmailSender email;

	private final SmsSender sms;

	private final ReminderSettings settings;

	private final Clock clock;

	ReminderSender(Reminders reminders, ReminderTemplates templates, ContactService contacts, PatientService patients,
			EmailSender email, SmsSender sms, ReminderSettings settings, Clock clock) {
		this.reminders = reminders;
		this.templates = templates;
		this.contacts = contacts;
		this.patients = patients;
		this.email = email;
		this.sms = sms;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${clinic.intake.reminders.poll-interval}",
			initialDelayString = "${clinic.intake.reminders.poll-interval}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException e) {
			log.warn("Sending due reminders failed; trying again in {}", settings.pollInterval(), e);
		}
	}

	/** Claims and sends what is due now; returns how many reminders were claimed. */
	public int sendDue() {
		var now = clock.instant();
		var claimed = reminders.claimDue(now, now.minus(settings.claimTimeout()), settings.batchSize());
		claimed.forEach(this::send);
		return claimed.size();
	}

	private void send(Reminder reminder) {
		Optional<Content> content;
		try {
			content = content(reminder);
		}
		catch (NotFoundException e) {
			reminders.finish(reminder.id(), clock.instant(), "patient unknown");
			return;
		}
		if (content.isEmpty()) {
			if (reminder.attempts() >= settings.maxAttempts()) {
				reminders.finish(reminder.id(), clock.instant(), "the course's appointments never came");
			}
			else {
				reminders.retryAt(reminder.id(), clock.instant().plus(settings.backoffAfter(reminder.attempts())));
			}
			return;
		}
		var failed = false;
		for (var channel : Channel.values()) {
			failed |= !sendOn(reminder, channel, content.get());
		}
		if (failed && reminder.attempts() < settings.maxAttempts()) {
			reminders.retryAt(reminder.id(), clock.instant().plus(settings.backoffAfter(reminder.attempts())));
		}
		else {
			reminders.finish(reminder.id(), clock.instant(), failed ? "failed on a channel" : "sent");
		}
	}

	/** Sends on the channel unless it is closed; returns false when it failed and may be tried again. */
	private boolean sendOn(Reminder reminder, Channel channel, Content content) {
		var before = reminders.delivery(reminder.id(), channel).map(Delivery::outcome);
		if (before.filter(o -> o == Delivery.Outcome.SENDING).isPresent()) {
			// claimed before by a sender that died while sending: it may have gone, so it never goes again
			reminders.saveDelivery(reminder.id(), channel, Delivery.Outcome.UNKNOWN, null,
					"the sender stopped while sending; not sent again", clock.instant());
			return true;
		}
		if (before.filter(Delivery.Outcome::closed).isPresent()) {
			return true;
		}
		var address = content.contact().reachableBy(channel);
		if (address.isEmpty()) {
			reminders.saveDelivery(reminder.id(), channel, Delivery.Outcome.SKIPPED_NO_CONSENT, null,
					content.contact().consent(channel).isPresent() ? "consent withdrawn or no address"
							: "no consent recorded",
					clock.instant());
			return true;
		}
		var message = templates.render(content.siteId(), reminder.kind(), channel, content.values());
		reminders.saveDelivery(reminder.id(), channel, Delivery.Outcome.SENDING, address.get(), null, clock.instant());
		try {
			if (channel == Channel.EMAIL) {
				email.send(address.get(), message.subject(), message.body());
			}
			else {
				sms.send(address.get(), message.body());
			}
			reminders.saveDelivery(reminder.id(), channel, Delivery.Outcome.SENT, address.get(), null, clock.instant());
			return true;
		}
		catch (RuntimeException e) {
			log.warn("Reminder {} could not be sent by {}: {}", reminder.id(), channel, e.getMessage());
			reminders.saveDelivery(reminder.id(), channel, Delivery.Outcome.FAILED, address.get(),
					String.valueOf(e.getMessage()), clock.instant());
			return false;
		}
	}

	/** What a reminder says and to whom; empty while a course's appointments have not come yet. */
	private Optional<Content> content(Reminder reminder) {
		Patient patient = patients.get(reminder.patientId());
		var contact = contacts.contactOf(reminder.patientId());
		List<BookedAppointment> appointments = reminder.kind() == ReminderKind.APPOINTMENT
				? reminders.appointment(reminder.appointmentId()).stream().toList()
				: reminders.bookedOf(reminder.courseId());
		var located = appointments.stream().filter(a -> a.start() != null && a.timeZone() != null).toList();
		// a course's bookings (with their sites) may come just after its plan: wait a little for all of them
		if (located.isEmpty() || located.size() < appointments.size() && reminder.attempts() < settings.maxAttempts()) {
			return Optional.empty();
		}
		var first = located.get(0);
		var zone = ZoneId.of(first.timeZone());
		Map<String, String> values = new HashMap<>();
		values.put("givenName", patient.givenName());
		values.put("familyName", patient.familyName());
		values.put("start", WHEN.format(first.start().atZone(zone)));
		values.put("site", first.siteName() == null ? "the clinic" : first.siteName());
		values.put("chair", first.chairName() == null ? "" : first.chairName());
		values.put("sequence", first.sequence() == null ? "" : first.sequence().toString());
		values.put("infusions", first.courseInfusions() == null ? "" : first.courseInfusions().toString());
		values.put("appointments", located.stream()
			.map(a -> "- " + WHEN.format(a.start().atZone(ZoneId.of(a.timeZone())))
					+ (a.siteName() == null ? "" : ", " + a.siteName()))
			.collect(Collectors.joining("\n")));
		return Optional.of(new Content(contact, first.siteId(), values));
	}

	private record Content(PatientContact contact, @Nullable UUID siteId,
			Map<String, String> values) {
	}
}
