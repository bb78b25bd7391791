package clinic.scheduling.waitlist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentCancelled;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.AppointmentRescheduled;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.AppointmentTakenBack;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.CourseCancelled;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.resources.ChairAttributes;

/** Keeps the waitlist and offers freed slots to it. */
@Service
public class WaitlistService {

	private static final Logger log = LoggerFactory.getLogger(WaitlistService.class);

	/** The longest note on a waitlist entry. */
	public static final int MAX_NOTE = 500;

	/** Who withdraws the entries of a cancelled course. */
	static final String WITHDRAWN_BY = "scheduling-service";

	private final Waitlist waitlist;

	private final CourseService courses;

	private final BookingService bookings;

	private final AppointmentLifecycle lifecycle;

	private final CalendarService calendars;

	private final SchedulingSettings settings;

	private final Clock clock;

	WaitlistService(Waitlist waitlist, CourseService courses, BookingService bookings, AppointmentLifecycle lifecycle,
			CalendarService calendars, SchedulingSettings settings, Clock clock) {
		this.waitlist = waitlist;
		this.courses = courses;
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.calendars = calendars;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What the patient waits for: the site (optional with one site), weekdays, times, chair attributes (spelled as
	 * chairs keep them, {@link ChairAttributes#wished}).
	 */
	public record Wishes(@Nullable UUID siteId, Set<DayOfWeek> days, @Nullable LocalTime earliestStart,
			@Nullable LocalTime latestEnd, Set<String> chairAttributes, @Nullable String note) {

		public Wishes {
			days = days == null ? Set.of() : Set.copyOf(days);
			chairAttributes = ChairAttributes.wished(chairAttributes);
		}
	}

	/** An entry with the offers made to it, newest first. */
	public record EntryWithOffers(WaitlistEntry entry, List<WaitlistOffer> offers) {
	}

	/** Puts the course on the waitlist. */
	@Transactional
	public WaitlistEntry add(UUID courseId, Wishes wishes) {
		if (wishes.earliestStart() != null && wishes.latestEnd() != null
				&& !wishes.earliestStart().isBefore(wishes.latestEnd())) {
			throw new InvalidInputException("latestEnd", "The latest end must come after the earliest start");
		}
		var note = wishes.note() == null || wishes.note().isBlank() ? null : wishes.note().strip();
		if (note != null && note.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "A note has at most " + MAX_NOTE + " characters");
		}
		var course = courses.holdForBooking(courseId);
		requireWaiting(course);
		var site = calendars.siteOrOnly(wishes.siteId());
		var entry = new WaitlistEntry(UUID.randomUUID(), course.id(), course.patientId(), course.patientName(), site,
				wishes.days(), wishes.earliestStart(), wishes.latestEnd(), wishes.chairAttributes(), note,
				WaitlistEntry.Status.WAITING, CurrentUser.name(), clock.instant());
		if (waitlist.isWaiting(course.id())) {
			throw new ConflictException("The course of " + course.patientName() + " is already on the waitlist");
		}
		waitlist.insert(entry);
		return entry;
	}

	/** Takes the entry off the waitlist; its open offers pass on. */
	@Transactional
	public void withdraw(UUID entryId) {
		var entry = waitlist.findForUpdate(entryId).orElseThrow(() -> new NotFoundException("Waitlist entry", entryId));
		if (entry.status() != WaitlistEntry.Status.WAITING) {
			throw new ConflictException("The waitlist entry is " + entry.status() + ", not WAITING");
		}
		withdraw(entry, CurrentUser.name());
	}

	private void withdraw(WaitlistEntry entry, String by) {
		var now = clock.instant();
		waitlist.close(entry.id(), WaitlistEntry.Status.WITHDRAWN, now);
		for (var offer : waitlist.offersTo(List.of(entry.id()))) {
			if (offer.status() == WaitlistOffer.Status.OFFERED) {
				waitlist.answer(offer.id(), WaitlistOffer.Status.DECLINED, by, now);
				offerToNext(offer.freedBy(), offer.chairId(), offer.start(), offer.end(), entry.patientId());
			}
		}
	}

	/** A cancelled course waits no more: its entries are withdrawn, in the cancelling transaction. */
	@EventListener
	void courseCancelled(CourseCancelled event) {
		for (var entry : waitlist.waitingOf(event.courseId())) {
			withdraw(waitlist.findForUpdate(entry.id()).orElseThrow(), WITHDRAWN_BY);
			log.info("Waitlist entry {} withdrawn: course {} was cancelled ({})", entry.id(), event.courseId(),
					event.reason());
		}
	}

	/** The entries in a status (all when null), oldest first, each with its offers. */
	@Transactional(readOnly = true)
	public List<EntryWithOffers> list(WaitlistEntry.@Nullable Status status) {
		var entries = waitlist.all(status);
		var offers = waitlist.offersTo(entries.stream().map(WaitlistEntry::id).toList())
			.stream()
			.collect(Collectors.groupingBy(WaitlistOffer::entryId));
		return entries.stream().map(e -> new EntryWithOffers(e, offers.getOrDefault(e.id(), List.of()))).toList();
	}

	/** The offers of the slot freed by an appointment, by rank. */
	@Transactional(readOnly = true)
	public List<WaitlistOffer> offersOfSlot(UUID freedBy) {
		return waitlist.offersOfSlot(freedBy);
	}

	/**
	 * The patient takes the offered slot: it is booked for their course with every check of a booking (409 when
	 * someone was quicker); the slot's other offers and the entry's other offers are taken, the entry is booked.
	 */
	@Transactional
	public Appointment accept(UUID offerId) {
		var offer = openOffer(offerId);
		var entry = waitlist.findForUpdate(offer.entryId()).orElseThrow();
		var appointment = bookings.book(entry.courseId(), new BookingService.Booking(offer.chairId(), offer.start()));
		var now = clock.instant();
		waitlist.answer(offerId, WaitlistOffer.Status.ACCEPTED, CurrentUser.name(), now);
		waitlist.takeOpenOffers(offer.freedBy(), entry.id(), now);
		waitlist.close(entry.id(), WaitlistEntry.Status.BOOKED, now);
		return appointment;
	}

	/** The patient does not want the slot: it is offered to the next best match. */
	@Transactional
	public WaitlistOffer decline(UUID offerId) {
		var offer = openOffer(offerId);
		waitlist.answer(offerId, WaitlistOffer.Status.DECLINED, CurrentUser.name(), clock.instant());
		var entry = waitlist.findForUpdate(offer.entryId()).orElseThrow();
		offerToNext(offer.freedBy(), offer.chairId(), offer.start(), offer.end(), entry.patientId());
		return waitlist.findOfferForUpdate(offerId).orElseThrow();
	}

	/** A cancelled appointment frees its slot, in the cancelling transaction. */
	@EventListener
	void cancelled(AppointmentCancelled event) {
		if (!BookingService.RESCHEDULED.equals(event.reason())) {
			freed(event.appointmentId());
		}
	}

	/** A moved appointment frees its old slot. */
	@EventListener
	void rescheduled(AppointmentRescheduled event) {
		freed(event.appointmentId());
	}

	/**
	 * A cancelled appointment was taken back (the nurse had opened its record): the slot its cancellation freed is the
	 * patient's again, so its open offers are withdrawn (taken), not left for a waiting patient to accept in vain.
	 */
	@EventListener
	void takenBack(AppointmentTakenBack event) {
		waitlist.takeOpenOffersOfSlot(event.appointmentId(), clock.instant());
	}

	private void freed(UUID appointmentId) {
		var appointment = lifecycle.appointment(appointmentId);
		if (!appointment.start().isAfter(clock.instant())) {
			return;
		}
		offerToNext(appointment.id(), appointment.chairId(), appointment.start(), appointment.end(),
				appointment.patientId());
	}

	/**
	 * Offers the slot to the best-matching waiting entries not yet offered it, until the slot has as many open offers
	 * as the setting allows. The patient who freed it is not offered it back.
	 */
	private void offerToNext(UUID freedBy, UUID chairId, Instant start, Instant end, UUID freedByPatient) {
		var offered = waitlist.offersOfSlot(freedBy);
		long open = offered.stream().filter(o -> o.status() == WaitlistOffer.Status.OFFERED).count();
		int room = settings.waitlist().offersPerSlot() - (int) open;
		if (room <= 0) {
			return;
		}
		var alreadyOffered = offered.stream().map(WaitlistOffer::entryId).collect(Collectors.toSet());
		int rank = offered.stream().mapToInt(WaitlistOffer::rank).max().orElse(0);
		var site = calendars.siteOfChair(chairId);
		var day = start.atZone(calendars.zoneOf(site).zone()).toLocalDate();
		var calendar = calendars.load(CalendarService.Request.of(site, day, day));
		if (calendar.appointments()
			.stream()
			.anyMatch(a -> a.chairId().equals(chairId) && a.start().isBefore(end) && a.end().isAfter(start))) {
			return; // the chair is taken again for part of the slot (a move within the same chair)
		}
		var chair = calendar.chairs().stream().filter(c -> c.id().equals(chairId)).findFirst().orElseThrow();
		var now = clock.instant();
		for (var entry : waitlist.waitingFreeAt(site, start, end)) {
			if (room == 0) {
				break;
			}
			if (alreadyOffered.contains(entry.id()) || entry.patientId().equals(freedByPatient)
					|| !entry.wants(chair, start, end, calendar.zone())) {
				continue;
			}
			waitlist.insert(new WaitlistOffer(UUID.randomUUID(), entry.id(), entry.patientId(), chairId, chair.name(),
					start, end, freedBy, ++rank, WaitlistOffer.Status.OFFERED, now, null, null));
			room--;
			log.info("Offered the slot freed by appointment {} to waitlist entry {} (rank {})", freedBy, entry.id(), rank);
		}
	}

	private boolean canBook(UUID courseId) {
		var course = courses.get(courseId);
		return course.status().isOpen() && lifecycle.ofCourse(courseId)
			.stream()
			.filter(a -> a.status() != AppointmentStatus.CANCELLED)
			.count() < course.plannedInfusions();
	}

	private void requireWaiting(Course course) {
		if (!canBook(course.id())) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ " with no infusion left to book; it cannot wait for a slot");
		}
	}

	private WaitlistOffer openOffer(UUID offerId) {
		var offer = waitlist.findOfferForUpdate(offerId)
			.orElseThrow(() -> new NotFoundException("Waitlist offer", offerId));
		if (offer.status() != WaitlistOffer.Status.OFFERED) {
			throw new ConflictException("The offer was " + offer.status() + " already");
		}
		return offer;
	}
}
