package clinic.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.BoosterInterval;
import clinic.scheduling.booking.BoosterService;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.resources.ChairAttributes;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;

/** Maintenance boosters after a completed induction course, at the interval a clinician sets per patient. */
@RestController
@RequestMapping("/api/scheduling/courses/{courseId}")
class BoosterController {

	private final BoosterService boosters;

	private final BookingService bookings;

	private final AppointmentLifecycle lifecycle;

	private final CourseService courses;

	BoosterController(BoosterService boosters, BookingService bookings, AppointmentLifecycle lifecycle,
			CourseService courses) {
		this.boosters = boosters;
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.courses = courses;
	}

	record IntervalRequest(@NotNull @Min(1) @Max(BoosterService.MAX_INTERVAL_DAYS) Integer days,
			@Nullable @Size(max = BookingService.MAX_REASON) String reason) {
	}

	/** How many boosters to propose (default 1), and the patient's wishes. */
	record ProposalRequest(@Nullable @Min(1) @Max(BoosterService.MAX_COUNT) Integer count, @Nullable UUID siteId,
			@Nullable Set<DayOfWeek> days, @Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd,
			@Nullable @Size(max = ChairAttributes.MAX_WISHED) Set<@Pattern(regexp = ChairAttributes.PATTERN) String> chairAttributes) {
	}

	@PutMapping("/booster-interval")
	@PreAuthorize(Roles.IS_CLINICIAN_OR_ADMIN)
	@Operation(summary = "Set the interval in days between the course's maintenance boosters (each setting is kept)")
	BoosterInterval setInterval(@PathVariable UUID courseId, @Valid @RequestBody IntervalRequest request) {
		return boosters.setInterval(courseId, request.days(), request.reason());
	}

	@GetMapping("/booster-interval")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "The booster interval a clinician set for the course; 404 when none is set")
	BoosterInterval interval(@PathVariable UUID courseId) {
		return boosters.interval(courseId);
	}

	@PostMapping("/booster-proposal")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Propose boosters at the clinician's interval after the course's last appointment; dates "
			+ "without a slot before the next target are listed in notPlaced. Nothing is booked")
	PlanningService.BoosterProposal proposal(@PathVariable UUID courseId,
			@Valid @RequestBody(required = false) @Nullable ProposalRequest request) {
		var r = request == null ? new ProposalRequest(null, null, null, null, null, null) : request;
		return boosters.propose(courseId, r.count() == null ? 1 : r.count(), new PlanningService.Wishes(r.siteId(), null,
				null, r.days(), r.earliestStart(), r.latestEnd(), r.chairAttributes()));
	}

	@PostMapping("/boosters")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Book boosters for a completed course, all or nothing; 409 lists per booster what it breaks")
	CourseController.CourseView book(@PathVariable UUID courseId,
			@Valid @RequestBody PlanningController.CourseRequest request) {
		bookings.bookBoosters(courseId, request.bookings());
		return CourseController.CourseView.of(courses.get(courseId), lifecycle.ofCourse(courseId));
	}
}
