package clinic.scheduling.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.booking.AppointmentKind;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.PlannedOccurrence;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.consultations.ConsultationService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.resources.ChairAttributes;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

/**
 * Slot finding and whole-course planning: the earliest free slots for a patient, a proposed induction course with
 * every occurrence checked, a re-check after the front desk moved occurrences, and booking the course all or
 * nothing. Times are ISO-8601 instants; weekdays and wall-clock times are the site's, on its own time zone.
 */
@RestController
@RequestMapping("/api/scheduling")
class PlanningController {

	/** The most occurrences one course request may carry. */
	private static final int MAX_OCCURRENCES = 50;

	private final PlanningService planning;

	private final BookingService bookings;

	private final AppointmentLifecycle lifecycle;

	private final CourseService courses;

	private final ConsultationService consultations;

	private final SchedulingSettings settings;

	PlanningController(PlanningService planning, BookingService bookings, AppointmentLifecycle lifecycle,
			CourseService courses, ConsultationService consultations, SchedulingSettings settings) {
		this.planning = planning;
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.courses = courses;
		this.consultations = consultations;
		this.settings = settings;
	}

	/** What the patient wants; every field optional. */
	record WishesRequest(@Nullable UUID siteId, @Nullable Instant from, @Nullable Instant until,
			@Nullable Set<DayOfWeek> days, @Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd,
			@Nullable @Size(max = ChairAttributes.MAX_WISHED) Set<@Pattern(regexp = ChairAttributes.PATTERN) String> chairAttributes) {

		PlanningService.Wishes toWishes() {
			return new PlanningService.Wishes(siteId, from, until, days, earliestStart, latestEnd, chairAttributes);
		}
	}

	record OccurrenceRequest(@NotNull UUID chairId, @NotNull Instant start) {
	}

	record CourseRequest(@NotEmpty @Size(max = MAX_OCCURRENCES) List<@Valid @NotNull OccurrenceRequest> occurrences) {

		List<BookingService.Booking> bookings() {
			return occurrences.stream().map(o -> new BookingService.Booking(o.chairId(), o.start())).toList();
		}
	}

	/** A checked course: {@code ok} when every occurrence fits; each occurrence lists the rules it breaks. */
	record PlanView(boolean ok, List<PlannedOccurrence> occurrences) {

		static PlanView of(PlanningService.CheckedPlan checked) {
			return new PlanView(checked.check().ok(), PlannedOccurrence.of(checked));
		}
	}

	/**
	 * A free slot: for an infusion or booster the chair it holds for the chair time, for a consultation the
	 * clinician's consultation slot with its site, the site's time zone (its day and times are read there) and room.
	 */
	record SlotView(AppointmentKind kind, @Nullable UUID chairId, @Nullable String chairName,
			@Nullable UUID consultationSlotId, @Nullable String clinician, Instant start, Instant end,
			@Nullable UUID siteId, @Nullable String siteName, @Nullable String timeZone, @Nullable UUID roomId) {

		static SlotView of(AppointmentKind kind, PlanningService.FreeSlot s) {
			return new SlotView(kind, s.chairId(), s.chairName(), null, null, s.start(), s.end(), null, null, null,
					null);
		}

		static SlotView of(ConsultationService.FreeConsultation c) {
			return new SlotView(AppointmentKind.CONSULTATION, null, null, c.consultationSlotId(), c.clinician(),
					c.start(), c.end(), c.siteId(), c.siteName(), c.zone().getId(), c.roomId());
		}
	}

	@GetMapping("/slots")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The earliest free slots for a patient and an appointment kind. INFUSION and BOOSTER (the "
			+ "default is INFUSION): a chair free and in service for the chair time, the site open, a nurse on shift "
			+ "with a chair to spare for the whole slot. CONSULTATION: a clinician's consultation slot nobody holds, the "
			+ "site open then. Always the patient free and the patient's wishes (weekdays, times, chair attributes)")
	List<SlotView> slots(@RequestParam UUID patientId, @RequestParam(defaultValue = "INFUSION") AppointmentKind kind,
			@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant until,
			@RequestParam(required = false) @Nullable Set<DayOfWeek> days,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime earliestStart,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime latestEnd,
			@RequestParam(required = false) @Nullable @Size(max = ChairAttributes.MAX_WISHED) Set<@Pattern(regexp = ChairAttributes.PATTERN) String> chairAttributes,
			@RequestParam(defaultValue = "10") int limit) {
		var wishes = new PlanningService.Wishes(siteId, from, until, days, earliestStart, latestEnd, chairAttributes);
		if (kind == AppointmentKind.CONSULTATION) {
			return consultations.freeSlots(patientId, wishes, limit).stream().map(SlotView::of).toList();
		}
		return planning.earliestSlots(patientId, wishes, limit).stream().map(s -> SlotView.of(kind, s)).toList();
	}

	@PostMapping("/courses/{courseId}/proposal")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Propose the earliest whole induction course that keeps every course rule, each occurrence "
			+ "checked; 404 when none fits within the planning horizon. Nothing is booked")
	ResponseEntity<PlanView> proposal(@PathVariable UUID courseId,
			@Valid @RequestBody(required = false) @Nullable WishesRequest request) {
		var wishes = request == null ? PlanningService.Wishes.none() : request.toWishes();
		return planning.propose(courseId, wishes)
			.map(PlanView::of)
			.map(ResponseEntity::ok)
			.orElseThrow(() -> noCourseFits(courseId));
	}

	private NotFoundException noCourseFits(UUID courseId) {
		return NotFoundException.because("No course of " + courses.get(courseId).plannedInfusions()
				+ " infusions fits at this site within the planning horizon (" + settings.planningHorizon().toDays()
				+ " days from the earliest start). Try a later start, another site, or book infusions one at a time.");
	}

	@PostMapping("/courses/{courseId}/earliest-booking")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Book the earliest whole induction course that fits the wishes at the site (siteId "
			+ "required), proposed and booked at once under the site's lock: front desks booking at one site at the "
			+ "same time each get the earliest course left, none is refused for a slot another took. 404 when none "
			+ "fits within the planning horizon; nothing is booked then")
	CourseController.CourseView bookEarliest(@PathVariable UUID courseId, @Valid @RequestBody WishesRequest request) {
		bookings.bookEarliestCourse(courseId, request.toWishes()).orElseThrow(() -> noCourseFits(courseId));
		return CourseController.CourseView.of(courses.get(courseId), lifecycle.ofCourse(courseId));
	}

	@PostMapping("/courses/{courseId}/plan-check")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Check a course the front desk put together or adjusted: every occurrence against the "
			+ "clinic hours and closures, chairs, nurse capacity, the patient's appointments and the course rules")
	PlanView check(@PathVariable UUID courseId, @Valid @RequestBody CourseRequest request) {
		return PlanView.of(planning.check(courseId, request.bookings()));
	}

	@PostMapping("/courses/{courseId}/bookings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Book the whole course, all or nothing: every occurrence is checked before any is written; "
			+ "409 lists per occurrence what it breaks")
	CourseController.CourseView book(@PathVariable UUID courseId, @Valid @RequestBody CourseRequest request) {
		bookings.bookCourse(courseId, request.bookings());
		return CourseController.CourseView.of(courses.get(courseId), lifecycle.ofCourse(courseId));
	}
}
