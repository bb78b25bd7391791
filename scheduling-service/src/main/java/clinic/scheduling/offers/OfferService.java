package clinic.scheduling.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.audit.AuditedCall;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.consultations.ConsultationService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;

/**
 * Proposes, holds and books appointments for another system (IHE ITI Scheduling: $find, $hold, $book). Proposals come
 * from the planning the front desk uses (clinic hours and closures, chairs in service, nurse capacity, the patient's
 * other appointments, the course rules; consultations: the clinicians' free slots); a hold checks the proposal again as
 * a booking would and then lets the database keep its chair or slot and the patient's time from everyone else until it
 * lapses; a booking goes through {@link BookingService} and {@link ConsultationService} as the web UI's does, with the
 * same checks, events and audit. A course is proposed, held and booked whole, or not at all.
 */
@Service
public class OfferService {

	private final Offers offers;

	private final PlanningService planning;

	private final BookingService bookings;

	private final ConsultationService consultations;

	private final CourseService courses;

	private final CalendarService calendars;

	private final Chairs chairs;

	OfferService(Offers offers, PlanningService planning, BookingService bookings, ConsultationService consultations,
			CourseService courses, CalendarService calendars, Chairs chairs) {
		this.offers = offers;
		this.planning = planning;
		this.bookings = bookings;
		this.consultations = consultations;
		this.courses = courses;
		this.calendars = calendars;
		this.chairs = chairs;
	}

	/**
	 * What a client looks for: the patient, a consultation or an infusion (or, with {@code wholeCourse}, every
	 * infusion of the patient's induction course), the window and wishes, and at most {@code limit} appointments
	 * (a course counts as one).
	 */
	public record Wanted(UUID patientId, OfferKind kind, boolean wholeCourse, PlanningService.Wishes wishes,
			int limit) {
	}

	/** The offers found, kept for $hold and $book for {@code proposalTtl}; an empty list when nothing fits. */
	@Transactional
	public List<Offer> find(Wanted wanted, Duration proposalTtl) {
		offers.sweep(proposalTtl);
		var found = switch (wanted.kind()) {
			case CONSULTATION -> consultations(wanted);
			case INFUSION -> wanted.wholeCourse() ? course(wanted) : infusions(wanted);
		};
		offers.insert(found);
		return found;
	}

	private List<Offer> consultations(Wanted wanted) {
		if (wanted.wholeCourse()) {
			throw new ConflictException("A consultation is one appointment; course=true goes with visit-type infusion");
		}
		consultations.requireBookable(wanted.patientId());
		return consultations.freeSlots(wanted.patientId(), wanted.wishes(), wanted.limit()).stream().map(free -> {
			var id = UUID.randomUUID();
			return new Offer(id, id, 1, 1, OfferKind.CONSULTATION, wanted.patientId(), null, null,
					free.consultationSlotId(), free.siteId(), free.clinician(), free.start(), free.end(), null);
		}).toList();
	}

	private List<Offer> infusions(Wanted wanted) {
		var course = openCourse(wanted.patientId());
		bookings.requireRoomForInfusion(course);
		return planning.earliestSlots(wanted.patientId(), wanted.wishes(), wanted.limit()).stream().map(slot -> {
			var id = UUID.randomUUID();
			return new Offer(id, id, 1, 1, OfferKind.INFUSION, wanted.patientId(), course.id(), slot.chairId(), null,
					calendars.siteOfChair(slot.chairId()), null, slot.start(), slot.end(), null);
		}).toList();
	}

	private List<Offer> course(Wanted wanted) {
		var course = openCourse(wanted.patientId());
		var plan = planning.propose(course.id(), wanted.wishes()).filter(checked -> checked.check().ok());
		if (plan.isEmpty()) {
			return List.of();
		}
		var slots = plan.get().check().plan().occurrences();
		var group = UUID.randomUUID();
		var found = new ArrayList<Offer>();
		for (int i = 0; i < slots.size(); i++) {
			var slot = slots.get(i);
			found.add(new Offer(UUID.randomUUID(), group, i + 1, slots.size(), OfferKind.INFUSION, wanted.patientId(),
					course.id(), slot.chairId(), null, calendars.siteOfChair(slot.chairId()), null, slot.start(),
					slot.end(), null));
		}
		return found;
	}

	/** The patient's open induction course (TO_PLAN or ACTIVE): infusions are booked into it. */
	private Course openCourse(UUID patientId) {
		return courses.ofPatient(patientId)
			.stream()
			.filter(course -> course.status().isOpen())
			.reduce((first, second) -> second)
			.orElseThrow(() -> new ConflictException("Patient " + patientId + " has no open induction course: "
					+ "infusions are booked into the course a clinician's CLEARED decision opens (a paused, "
					+ "completed or cancelled course takes no bookings)"));
	}

	/** Offers held, with the database's time of asking. */
	public record Held(List<Offer> offers, Instant now) {
	}

	/**
	 * Holds the offer and every other of its group for {@code ttl}: checked again as a booking would be, then kept
	 * by the database from every other hold and booking until it lapses. A group already held stays as it is.
	 * 404 for an offer this server did not make or that lapsed; 409 naming what collides, and nothing is held.
	 */
	@Transactional
	public Held hold(UUID offerId, Duration ttl) {
		var group = group(offerId);
		var now = offers.now();
		if (group.stream().allMatch(offer -> offer.heldAt(now))) {
			return new Held(group, now);
		}
		var first = group.get(0);
		switch (first.kind()) {
			case CONSULTATION -> {
				consultations.requireBookable(first.patientId());
				consultations.requireOpen(Objects.requireNonNull(first.consultationSlotId()));
			}
			case INFUSION -> {
				var courseId = Objects.requireNonNull(first.courseId());
				if (group.size() == 1) {
					bookings.checkBooking(courseId, booking(first));
				}
				else {
					bookings.checkCourse(courseId, group.stream().map(OfferService::booking).toList());
				}
			}
		}
		// named before the hold: a refused statement leaves the transaction unable to read anything more
		var chair = chairName(group);
		try {
			var until = offers.hold(first.group(), ttl, CurrentUser.name());
			List<Offer> held = group.stream().map(offer -> offer.held(until)).toList();
			return new Held(held, now);
		}
		catch (OfferCollision collision) {
			throw new ConflictException(explain(collision, group, chair) + "; nothing was held");
		}
	}

	/** What the client booked: the appointments (infusions) or the consultation, by the ids the agenda knows them. */
	public record Booked(OfferKind kind, UUID patientId, List<UUID> ids) {
	}

	/**
	 * Books the offer and every other of its group, held or only proposed, exactly as the web UI books (the same
	 * checks, events and audit); the offers are gone once booked. 404 for an offer this server did not make, that
	 * lapsed or was booked already; 409 naming what collides, and nothing is booked (a hold stays).
	 */
	@Transactional
	public Booked book(UUID offerId) {
		var group = group(offerId);
		var first = group.get(0);
		// the group's own holds would refuse its booking: they go first, and come back if the booking fails
		offers.remove(first.group());
		return switch (first.kind()) {
			case CONSULTATION -> new Booked(OfferKind.CONSULTATION, first.patientId(),
					List.of(consultations.book(first.patientId(), Objects.requireNonNull(first.consultationSlotId()))
						.consultation()
						.id()));
			case INFUSION -> {
				var courseId = Objects.requireNonNull(first.courseId());
				var ids = group.size() == 1 ? List.of(bookings.book(courseId, booking(first)).id())
						: bookings.bookCourse(courseId, group.stream().map(OfferService::booking).toList())
							.stream()
							.map(appointment -> appointment.id())
							.toList();
				yield new Booked(OfferKind.INFUSION, first.patientId(), ids);
			}
		};
	}

	/** The offer's group, locked; its patient named in the audit trail, before anything is checked. */
	private List<Offer> group(UUID offerId) {
		var group = offers.groupOf(offerId);
		group.forEach(offer -> AuditedCall.concerns(offer.patientId()));
		if (group.isEmpty()) {
			throw NotFoundException.because("Appointment/" + offerId + " is no appointment this server proposed and "
					+ "still keeps: it lapsed, was booked already, or was never proposed; find again ($find)");
		}
		return group;
	}

	private static BookingService.Booking booking(Offer offer) {
		return new BookingService.Booking(Objects.requireNonNull(offer.chairId()), offer.start());
	}

	private String chairName(List<Offer> group) {
		return group.stream()
			.map(Offer::chairId)
			.filter(Objects::nonNull)
			.findFirst()
			.flatMap(chairs::find)
			.map(Chair::name)
			.orElse("The chair");
	}

	private static String explain(OfferCollision collision, List<Offer> group, String chair) {
		var what = group.size() > 1 ? "An infusion of the course: " : "";
		var chairNamed = group.size() > 1 ? "its chair" : chair;
		var text = what + switch (collision.with()) {
			case CHAIR_BOOKED -> chairNamed + " was booked at that time since it was proposed; find again";
			case SLOT_BOOKED -> "the consultation slot was booked for another patient since it was proposed; find again";
			case PATIENT_BOOKED -> "the patient has another appointment at that time, booked since it was proposed";
			case CHAIR_HELD -> chairNamed + " is held at an overlapping time for another booking; find again, or "
					+ "try once that hold lapses";
			case SLOT_HELD -> "the consultation slot is held for another booking; find again, or try once that hold "
					+ "lapses";
			case PATIENT_HELD -> "the patient's time is held at an overlapping time for another booking; book or let "
					+ "that hold lapse first";
		};
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
