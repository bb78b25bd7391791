package clinic.scheduling.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.AppointmentTransition;
import clinic.scheduling.booking.Appointments;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.calendar.SiteCalendar;
import clinic.scheduling.consultations.BookedConsultation.Action;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;
import clinic.scheduling.planning.ClinicHours;
import clinic.scheduling.resources.ConsultationSlot;
import clinic.scheduling.resources.ConsultationSlots;

/**
 * Books referred patients' consultations into clinicians' consultation slots and takes them through their lifecycle:
 * cancellation with a reason, a move to another slot, arrival on its day, no-show once it has begun. Every change
 * counts in the patient's consultation version (which also queues up changes to one patient's consultations) and is
 * kept in the consultation's history; bookings, moves, cancellations and no-shows are published for intake.
 */
@Service
public class ConsultationService {

	/** How many days a listing covers at most. */
	static final int MAX_DAYS = 92;

	/** How many days a listing covers when only its start is given. */
	static final int DEFAULT_DAYS = 7;

	/** Why a conflict happened, for clients that react to it (a patient not known yet: try again soon). */
	public enum Refusal {
		PATIENT_UNKNOWN, NOT_REFERRED, ALREADY_BOOKED, SLOT_TAKEN, PATIENT_BUSY, SLOT_NOT_OPEN, NOT_NOW
	}

	private final Consultations consultations;

	private final ConsultationSlots slots;

	private final PatientRegistry patients;

	private final CalendarService calendars;

	private final Appointments appointments;

	private final SchedulingSettings settings;

	private final ClinicEvents events;

	private final Clock clock;

	ConsultationService(Consultations consultations, ConsultationSlots slots, PatientRegistry patients,
			CalendarService calendars, Appointments appointments, SchedulingSettings settings, ClinicEvents events,
			Clock clock) {
		this.consultations = consultations;
		this.slots = slots;
		this.patients = patients;
		this.calendars = calendars;
		this.appointments = appointments;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** A consultation with its status changes in order. */
	public record Detail(BookedConsultation consultation, List<ConsultationChange> history) {
	}

	/** The consultations from one date to another (both included, each on its site's clock). */
	public record Listing(LocalDate from, LocalDate to, List<BookedConsultation> consultations) {
	}

	/** A clinician's consultations on a date (on each site's clock). */
	public record Day(String clinician, LocalDate date, List<BookedConsultation> consultations) {
	}

	/** A clinician's consultation slot a patient could take, with where it is. */
	public record FreeConsultation(UUID consultationSlotId, String clinician, UUID siteId, String siteName,
			ZoneId zone, @Nullable UUID roomId, Instant start, Instant end) {
	}

	/**
	 * Books the patient's consultation into the slot: the patient registered and referred (as intake told), no other
	 * consultation booked for them, the slot free, ahead and inside its site's opening hours on a day the site is
	 * not closed, and the patient in no other appointment then.
	 */
	@Transactional
	public BookedConsultation book(UUID patientId, UUID slotId) {
		var patient = bookable(patientId);
		var slot = openSlot(slotId, "slotId");
		var version = nextVersion(patientId);
		consultations.bookedOf(patientId).ifPresent(booked -> {
			throw refused(Refusal.ALREADY_BOOKED, patient.fullName() + " already has a consultation booked "
					+ describe(booked) + "; move or cancel that one instead");
		});
		var consultation = Consultation.booked(slot, patientId, CurrentUser.name(), clock.instant());
		insert(consultation, patient);
		consultations.recordChange(new ConsultationChange(consultation.id(), null, AppointmentStatus.BOOKED, null,
				consultation.bookedBy(), consultation.bookedAt()));
		var booked = booked(consultation.id());
		events.publish(ConsultationBooked.of(booked, version));
		return booked;
	}

	/**
	 * Whether {@link #book} would take the patient now, as far as the patient goes: registered and referred, with no
	 * consultation booked. For a FHIR client's $find and $hold, which then book through {@link #book}.
	 */
	@Transactional(readOnly = true)
	public void requireBookable(UUID patientId) {
		var patient = bookable(patientId);
		consultations.bookedOf(patientId).ifPresent(booked -> {
			throw refused(Refusal.ALREADY_BOOKED, patient.fullName() + " already has a consultation booked "
					+ describe(booked) + "; move or cancel that one instead");
		});
	}

	/**
	 * The slot as {@link #book} checks it (ahead, inside its site's open hours), locked to the end of the caller's
	 * transaction, for a FHIR client's $hold.
	 */
	@Transactional
	public ConsultationSlot requireOpen(UUID slotId) {
		return openSlot(slotId, "slotId");
	}

	/** Cancels a booked (or arrived) consultation with a reason; its slot is free again. */
	@Transactional
	public Detail cancel(UUID consultationId, @Nullable String reason) {
		var why = reason(reason);
		var held = hold(consultationId);
		var consultation = held.consultation();
		requireFrom(consultation, AppointmentTransition.CANCEL, "cancelled");
		var by = CurrentUser.name();
		var now = clock.instant();
		consultations.changeStatus(consultationId, AppointmentStatus.CANCELLED, why);
		consultations.recordChange(new ConsultationChange(consultationId, consultation.status(),
				AppointmentStatus.CANCELLED, why, by, now));
		var cancelled = booked(consultationId);
		events.publish(ConsultationCancelled.of(cancelled, why, by, now, held.version()));
		return detail(consultationId);
	}

	/**
	 * Moves a booked consultation to another slot: it is cancelled with reason "rescheduled" and a booked
	 * consultation linked to it takes its place, under the same checks as a booking. When the new slot is refused
	 * nothing changes. Returns the new consultation.
	 */
	@Transactional
	public Detail reschedule(UUID consultationId, UUID slotId) {
		var found = consultations.find(consultationId)
			.orElseThrow(() -> new NotFoundException("Consultation", consultationId));
		var slot = openSlot(slotId, "slotId");
		var held = hold(consultationId);
		var old = held.consultation();
		requireFrom(old, AppointmentTransition.RESCHEDULE, "moved");
		if (slot.id().equals(old.slotId())) {
			throw new ConflictException("The consultation is in that slot already; choose another slot");
		}
		var patient = patients.find(found.patientId()).orElseThrow();
		var by = CurrentUser.name();
		var now = clock.instant();
		// the old consultation frees its slot and time first, so that the patient may move within that time
		consultations.changeStatus(old.id(), AppointmentStatus.CANCELLED, BookingService.RESCHEDULED);
		consultations.recordChange(new ConsultationChange(old.id(), old.status(), AppointmentStatus.CANCELLED,
				BookingService.RESCHEDULED, by, now));
		var replacement = old.movedTo(slot, by, now);
		insert(replacement, patient);
		consultations.recordChange(new ConsultationChange(replacement.id(), null, AppointmentStatus.BOOKED,
				BookingService.RESCHEDULED, by, now));
		var moved = booked(replacement.id());
		events.publish(ConsultationRescheduled.of(old.id(), moved, held.version()));
		return detail(replacement.id());
	}

	/** The patient has come to the consultation (booked → arrived), on its day. */
	@Transactional
	public Detail arrive(UUID consultationId) {
		var held = hold(consultationId);
		var consultation = held.consultation();
		requireFrom(consultation, AppointmentTransition.ARRIVE, "marked arrived");
		var zone = zoneOf(consultation);
		var day = consultation.start().atZone(zone).toLocalDate();
		if (!day.equals(clock.instant().atZone(zone).toLocalDate())) {
			throw refused(Refusal.NOT_NOW, "The consultation is on " + day + " (" + zone.getId()
					+ "); an arrival is recorded on its day");
		}
		change(consultation, AppointmentStatus.ARRIVED);
		return detail(consultationId);
	}

	/** The patient did not come (booked → noshow), once the consultation has begun. */
	@Transactional
	public Detail noShow(UUID consultationId) {
		var held = hold(consultationId);
		var consultation = held.consultation();
		requireFrom(consultation, AppointmentTransition.NO_SHOW, "marked a no-show");
		if (clock.instant().isBefore(consultation.start())) {
			throw refused(Refusal.NOT_NOW, "The consultation begins "
					+ ClinicHours.describe(consultation.start(), consultation.end(), zoneOf(consultation))
					+ "; a no-show is recorded once it has begun");
		}
		var by = CurrentUser.name();
		var now = change(consultation, AppointmentStatus.NOSHOW);
		events.publish(ConsultationNoShow.of(booked(consultationId), by, now, held.version()));
		return detail(consultationId);
	}

	@Transactional(readOnly = true)
	public Detail detail(UUID consultationId) {
		return new Detail(booked(consultationId), consultations.history(consultationId));
	}

	/**
	 * Consultations from {@code from} to {@code to} (dates on each site's clock; from today on the clinic's clock and
	 * for a week when not given), filtered when asked; cancelled ones only when asked.
	 */
	@Transactional(readOnly = true)
	public Listing list(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID siteId,
			@Nullable UUID patientId, boolean includeCancelled) {
		var first = from != null ? from : today();
		var last = to != null ? to : first.plusDays(DEFAULT_DAYS - 1);
		if (last.isBefore(first)) {
			throw new InvalidInputException("to", "must not be before from (" + first + ")");
		}
		if (first.plusDays(MAX_DAYS).isBefore(last)) {
			throw new InvalidInputException("to", "A listing covers at most " + MAX_DAYS + " days");
		}
		return new Listing(first, last, onDays(first, last, siteId, null, patientId, includeCancelled));
	}

	/** The signed-in clinician's consultations on the date (today on the clinic's clock when not given). */
	@Transactional(readOnly = true)
	public Day mine(@Nullable LocalDate date) {
		var day = date != null ? date : today();
		var clinician = CurrentUser.name();
		return new Day(clinician, day, onDays(day, day, null, clinician, null, false));
	}

	/**
	 * The earliest consultation slots at the site that the patient could take: free, ahead, inside the site's opening
	 * hours on a day it is not closed, in the window and on the weekdays and times wished, not overlapping the
	 * patient's other appointments or consultations; at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<FreeConsultation> freeSlots(UUID patientId, PlanningService.Wishes wishes, int limit) {
		if (limit < 1 || limit > PlanningService.MAX_SLOTS) {
			throw new InvalidInputException("limit", "Ask for 1 to " + PlanningService.MAX_SLOTS + " slots");
		}
		var window = wishes.window(clock.instant(), settings.planningHorizon());
		var from = window.from();
		var until = window.until();
		var site = calendars.zoneOf(calendars.siteOrOnly(wishes.siteId()));
		var zone = site.zone();
		var calendar = calendars.load(new CalendarService.Request(site.siteId(), from.atZone(zone).toLocalDate(),
				until.atZone(zone).toLocalDate(), patientId, null));
		var ownAppointments = calendar.appointments().stream().filter(a -> a.patientId().equals(patientId)).toList();
		var ownConsultations = consultations.list(new Consultations.Query(from, until, null, null, patientId, false));
		var candidates = slots.list(null, site.siteId(), from, until)
			.stream()
			.filter(slot -> !slot.start().isBefore(from) && !slot.end().isAfter(until))
			.filter(slot -> open(calendar, slot))
			.filter(slot -> {
				var start = slot.start().atZone(zone);
				var end = slot.end().atZone(zone);
				return (wishes.days().isEmpty() || wishes.days().contains(start.getDayOfWeek()))
						&& (wishes.earliestStart() == null || !start.toLocalTime().isBefore(wishes.earliestStart()))
						&& (wishes.latestEnd() == null || !end.toLocalTime().isAfter(wishes.latestEnd()));
			})
			.filter(slot -> ownAppointments.stream()
				.noneMatch(a -> a.start().isBefore(slot.end()) && a.end().isAfter(slot.start())))
			.filter(slot -> ownConsultations.stream()
				.map(Listed::consultation)
				.noneMatch(c -> c.start().isBefore(slot.end()) && c.end().isAfter(slot.start())))
			.toList();
		var taken = consultations.taken(candidates.stream().map(ConsultationSlot::id).toList());
		return candidates.stream()
			.filter(slot -> !taken.contains(slot.id()))
			.sorted(Comparator.comparing(ConsultationSlot::start).thenComparing(ConsultationSlot::clinician))
			.limit(limit)
			.map(slot -> new FreeConsultation(slot.id(), slot.clinician(), site.siteId(), site.siteName(), zone,
					slot.roomId(), slot.start(), slot.end()))
			.toList();
	}

	private record Held(Consultation consultation, long version) {
	}

	/** The consultation, read again once its patient's consultations are held, with the version this change gets. */
	private Held hold(UUID consultationId) {
		var found = consultations.find(consultationId)
			.orElseThrow(() -> new NotFoundException("Consultation", consultationId));
		var version = nextVersion(found.patientId());
		return new Held(consultations.find(consultationId).orElseThrow(), version);
	}

	private long nextVersion(UUID patientId) {
		return consultations.nextVersion(patientId)
			.orElseThrow(() -> unknown(patientId));
	}

	/** Moves the consultation to {@code to} and keeps it in its history; returns when. */
	private Instant change(Consultation consultation, AppointmentStatus to) {
		var now = clock.instant();
		consultations.changeStatus(consultation.id(), to, null);
		consultations.recordChange(new ConsultationChange(consultation.id(), consultation.status(), to, null,
				CurrentUser.name(), now));
		return now;
	}

	private static void requireFrom(Consultation consultation, AppointmentTransition transition, String done) {
		if (!transition.allowedFrom(consultation.status())) {
			throw new ConflictException("The consultation is " + consultation.status().code() + "; it cannot be "
					+ done);
		}
	}

	/** The patient as intake registered them, with a referral; 409 in words when scheduling does not know them so. */
	private RegisteredPatient bookable(UUID patientId) {
		var patient = patients.find(patientId).orElseThrow(() -> unknown(patientId));
		if (!patients.isReferred(patientId)) {
			throw refused(Refusal.NOT_REFERRED, patient.fullName() + " (" + patient.mrn() + ") has no referral that "
					+ "scheduling knows of, and a consultation follows a referral; if one was added just now, try "
					+ "again in a moment");
		}
		return patient;
	}

	private ConflictException unknown(UUID patientId) {
		return refused(Refusal.PATIENT_UNKNOWN, "Scheduling does not know patient " + patientId + " yet: intake has "
				+ "not told of their registration. A patient registered a moment ago is known within seconds; "
				+ "otherwise register the patient with a referral first");
	}

	/** The slot, locked until the transaction ends, ahead of now and at its site's open hours. */
	private ConsultationSlot openSlot(UUID slotId, String field) {
		var slot = slots.lock(slotId)
			.orElseThrow(() -> new InvalidInputException(field, "There is no consultation slot " + slotId));
		var site = calendars.zoneOf(slot.siteId());
		if (!slot.start().isAfter(clock.instant())) {
			throw refused(Refusal.NOT_NOW, "The consultation slot " + ClinicHours.describe(slot.start(), slot.end(),
					site.zone()) + " with " + slot.clinician() + " has begun or is over; choose a later one");
		}
		var day = slot.start().atZone(site.zone()).toLocalDate();
		var calendar = calendars.load(CalendarService.Request.of(slot.siteId(), day, day));
		if (calendar.closures().containsKey(day)) {
			throw refused(Refusal.SLOT_NOT_OPEN, calendar.siteName() + " is closed on " + day + " ("
					+ calendar.closures().get(day) + "); choose a slot on another day");
		}
		if (!calendar.hours().covers(slot.start(), slot.end())) {
			throw refused(Refusal.SLOT_NOT_OPEN, "The slot " + calendar.hours().describe(slot.start(), slot.end())
					+ " lies outside the opening hours of " + calendar.siteName() + " (" + calendar.hours() + ")");
		}
		return slot;
	}

	private static boolean open(SiteCalendar calendar, ConsultationSlot slot) {
		var day = slot.start().atZone(calendar.zone()).toLocalDate();
		return !calendar.closures().containsKey(day) && calendar.hours().covers(slot.start(), slot.end());
	}

	private void insert(Consultation consultation, RegisteredPatient patient) {
		try {
			consultations.insert(consultation);
		}
		catch (ConsultationCollision collision) {
			throw switch (collision.with()) {
				case SLOT -> refused(Refusal.SLOT_TAKEN, "That slot with " + consultation.clinician()
						+ " was booked for another patient a moment ago; choose another slot");
				case PATIENT_BOOKED -> refused(Refusal.ALREADY_BOOKED, patient.fullName()
						+ " already has a consultation booked; move or cancel that one instead");
				case PATIENT_CONSULTATION -> refused(Refusal.PATIENT_BUSY, patient.fullName()
						+ " has another consultation at that time; choose another slot");
				case SLOT_HELD -> refused(Refusal.SLOT_TAKEN, "That slot with " + consultation.clinician()
						+ " is held for another booking (a hold lapses after a few minutes unless it is booked); "
						+ "choose another slot");
				case PATIENT_HELD -> refused(Refusal.PATIENT_BUSY, patient.fullName() + "'s time is held for another "
						+ "booking then (a hold lapses after a few minutes unless it is booked); choose another slot");
				case PATIENT_APPOINTMENT -> refused(Refusal.PATIENT_BUSY, patient.fullName() + " has an infusion "
						+ appointments.overlappingOfPatient(patient.id(), consultation.start(), consultation.end())
							.stream()
							.findFirst()
							.map(a -> "in " + a.chairName() + " " + ClinicHours.describe(a.start(), a.end(),
									calendars.zoneOfChair(a.chairId()).zone()))
							.orElse("at that time")
						+ "; choose another slot");
			};
		}
	}

	private static ConflictException refused(Refusal refusal, String message) {
		return new ConflictException(message, Map.of("reason", refusal.name()));
	}

	private static String reason(@Nullable String reason) {
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "A cancellation needs a reason");
		}
		if (why.length() > BookingService.MAX_REASON) {
			throw new InvalidInputException("reason", "A reason has at most " + BookingService.MAX_REASON
					+ " characters");
		}
		return why;
	}

	/** How the booked consultation reads in a message: "Mon 2026-03-02 09:00–09:45 with clinician at Lakeside". */
	private String describe(Consultation consultation) {
		var site = calendars.zoneOf(consultation.siteId());
		return ClinicHours.describe(consultation.start(), consultation.end(), site.zone()) + " with "
				+ consultation.clinician() + " at " + site.siteName();
	}

	private List<BookedConsultation> onDays(LocalDate from, LocalDate to, @Nullable UUID siteId,
			@Nullable String clinician, @Nullable UUID patientId, boolean includeCancelled) {
		// every zone's day starts within a day of UTC's: read a day more on each side, then keep each site's own days
		var listed = consultations.list(new Consultations.Query(from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant(), siteId, clinician, patientId, includeCancelled));
		var now = clock.instant();
		return listed.stream().map(l -> view(l, now)).filter(view -> {
			var day = view.consultation().start().atZone(view.zone()).toLocalDate();
			return !day.isBefore(from) && !day.isAfter(to);
		}).toList();
	}

	private BookedConsultation booked(UUID consultationId) {
		return consultations.listed(consultationId)
			.map(listed -> view(listed, clock.instant()))
			.orElseThrow(() -> new NotFoundException("Consultation", consultationId));
	}

	private BookedConsultation view(Listed listed, Instant now) {
		var zone = settings.zoneOf(listed.siteZone());
		return new BookedConsultation(listed.consultation(), listed.patientName(), listed.mrn(), listed.siteName(),
				zone, listed.roomName(), actions(listed.consultation(), zone, now));
	}

	/** What the front desk may do with the consultation now: the pages show just these buttons. */
	static EnumSet<Action> actions(Consultation consultation, ZoneId zone, Instant now) {
		var actions = EnumSet.noneOf(Action.class);
		switch (consultation.status()) {
			case BOOKED -> {
				actions.add(Action.CANCEL);
				actions.add(Action.RESCHEDULE);
				if (consultation.start().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
					actions.add(Action.ARRIVE);
				}
				if (!now.isBefore(consultation.start())) {
					actions.add(Action.NO_SHOW);
				}
			}
			case ARRIVED -> actions.add(Action.CANCEL);
			default -> {
			}
		}
		return actions;
	}

	private ZoneId zoneOf(Consultation consultation) {
		return calendars.zoneOf(consultation.siteId()).zone();
	}

	private LocalDate today() {
		return clock.instant().atZone(settings.timeZone()).toLocalDate();
	}
}
