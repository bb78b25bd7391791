package clinic.intake.reminders;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where contacts, consents, the appointment and course projection, reminders and templates are kept. */
public interface Reminders {

	// contact and consent

	Optional<String> emailOf(UUID patientId);

	void saveEmail(UUID patientId, @Nullable String email, String by, Instant at);

	List<ChannelConsent> consentsOf(UUID patientId);

	void saveConsent(UUID patientId, ChannelConsent consent);

	// scheduling's courses and appointments

	Optional<CourseState> courseState(UUID courseId);

	/** Keeps the course's state when {@code version} is newer than the one kept; returns whether it was. */
	boolean saveCourseIfNewer(UUID courseId, UUID patientId, CourseState state, long version);

	Optional<BookedAppointment> appointment(UUID appointmentId);

	/** Adds the appointment, or fills in its details, keeping a state other than BOOKED already known. */
	void saveAppointment(BookedAppointment appointment);

	/** The appointments of the course still booked, earliest first. */
	List<BookedAppointment> bookedOf(UUID courseId);

	// reminders

	/** Plans a reminder unless one of its appointment (or the course's confirmation) is already planned or sent. */
	boolean plan(Reminder reminder, Instant at);

	/** Cancels the reminders not yet claimed of these appointments or of the course; returns how many. */
	int cancelPending(@Nullable UUID courseId, Collection<UUID> appointmentIds, String reason, Instant at);

	/**
	 * Cancels the due reminders that may no longer go (course paused or cancelled, appointment no longer booked or
	 * begun), then claims up to {@code limit} due ones (and those whose claim is older than {@code staleBefore}),
	 * skipping those another sender holds.
	 */
	List<Reminder> claimDue(Instant now, Instant staleBefore, int limit);

	void finish(UUID reminderId, Instant at, String reason);

	void retryAt(UUID reminderId, Instant dueAt);

	List<Reminder> remindersOf(UUID patientId);

	Optional<Delivery> delivery(UUID reminderId, Channel channel);

	List<Delivery> deliveriesOf(UUID reminderId);

	/** Writes (and, outside a transaction, commits) the channel's outcome; SENDING counts an attempt. */
	void saveDelivery(UUID reminderId, Channel channel, Delivery.Outcome outcome, @Nullable String address,
			@Nullable String detail, Instant at);

	// templates

	/** The site's template of this kind and channel, else the clinic's default. */
	Optional<ReminderTemplate> template(@Nullable UUID siteId, ReminderKind kind, Channel channel);

	List<ReminderTemplate> templates();

	void saveTemplate(ReminderTemplate template);
}
