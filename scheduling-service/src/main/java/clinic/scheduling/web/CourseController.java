package clinic.scheduling.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.CoursePausing;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseSearch;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/scheduling/courses")
class CourseController {

	private final CourseService courses;

	private final BookingService bookings;

	private final AppointmentLifecycle lifecycle;

	private final CoursePausing pausing;

	CourseController(CourseService courses, BookingService bookings, AppointmentLifecycle lifecycle,
			CoursePausing pausing) {
		this.courses = courses;
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.pausing = pausing;
	}

	/** {@code start} is an ISO-8601 instant, for example 2026-03-02T08:00:00Z or 2026-03-02T09:00:00+01:00. */
	@Schema(name = "CourseBookingRequest")
	record BookingRequest(@NotNull UUID chairId, @NotNull Instant start) {
	}

	/** {@code status} is the FHIR R4 appointment status code: booked, arrived, checked-in, fulfilled, ... */
	/** {@code onHold} while the course is paused: the appointment is kept but not to be given until resumed. */
	record AppointmentView(UUID id, UUID chairId, String chairName, Instant start, Instant end, String status,
			int sequence, boolean onHold) {

		static AppointmentView of(Appointment a) {
			return new AppointmentView(a.id(), a.chairId(), a.chairName(), a.start(), a.end(), a.status().code(),
					a.sequence(), a.onHold());
		}
	}

	/** {@code pauseReason} while PAUSED; {@code cancellationReason} once CANCELLED (who declined the patient, why). */
	record CourseView(UUID id, UUID patientId, String patientName, CourseStatus status, int plannedInfusions,
			int completedInfusions, @Nullable String pauseReason, @Nullable String cancellationReason,
			List<AppointmentView> appointments) {

		static CourseView of(Course c, List<Appointment> appointments) {
			return new CourseView(c.id(), c.patientId(), c.patientName(), c.status(), c.plannedInfusions(),
					c.completedInfusions(), c.pauseReason(), c.cancellationReason(),
					appointments.stream().map(AppointmentView::of).toList());
		}
	}

	/** Why a clinician resumes a paused course. */
	record ResumptionRequest(@Nullable @Size(max = BookingService.MAX_REASON) String reason) {
	}

	/** The response header that says how many courses match in all when a page of them was asked for. */
	static final String TOTAL_COUNT = "X-Total-Count";

	@GetMapping
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "Courses with their appointments, oldest first: optionally only those in the statuses given "
			+ "(status=TO_PLAN&status=ACTIVE), those of one patient (patientId), whose patient's name has every word of "
			+ "q (any order, case and accents ignored), a page of them (offset, limit up to 100; without a limit all of "
			+ "them); X-Total-Count says how many match in all")
	ResponseEntity<List<CourseView>> list(@RequestParam(required = false) @Nullable Set<CourseStatus> status,
			@RequestParam(required = false) @Nullable UUID patientId, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) @Nullable Integer limit) {
		var search = CourseSearch.of(status, q, offset, limit);
		var page = patientId == null ? courses.search(search) : ofPatient(patientId, search);
		var found = page.courses();
		var appointments = lifecycle.ofCourses(found.stream().map(Course::id).toList());
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, String.valueOf(page.total()))
			.body(found.stream().map(c -> CourseView.of(c, appointments.getOrDefault(c.id(), List.of()))).toList());
	}

	/** One patient's courses (a handful): the statuses and the page asked for; the name words do not narrow them. */
	private CourseSearch.Page ofPatient(UUID patientId, CourseSearch search) {
		var matching = courses.ofPatient(patientId)
			.stream()
			.filter(c -> search.statuses().isEmpty() || search.statuses().contains(c.status()))
			.toList();
		var from = Math.min(search.offset(), matching.size());
		var to = search.limit() == null ? matching.size() : Math.min(matching.size(), from + search.limit());
		return new CourseSearch.Page(matching.subList(from, to), matching.size());
	}

	@GetMapping("/{courseId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A course with its appointments")
	CourseView get(@PathVariable UUID courseId) {
		return CourseView.of(courses.get(courseId), lifecycle.ofCourse(courseId));
	}

	@PostMapping("/{courseId}/appointments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Book the course's next infusion into a chair; it holds the chair for the clinic's chair time")
	AppointmentView book(@PathVariable UUID courseId, @Valid @RequestBody BookingRequest request) {
		return AppointmentView.of(bookings.book(courseId, new BookingService.Booking(request.chairId(), request.start())));
	}

	@PostMapping("/{courseId}/resumption")
	@PreAuthorize(Roles.IS_CLINICIAN_OR_ADMIN)
	@Operation(summary = "Resume a course paused after a serious adverse event, with a reason: it is COMPLETED again "
			+ "when every induction infusion was given, else ACTIVE (TO_PLAN without appointments); its held "
			+ "appointments are released (those whose time passed meanwhile are cancelled)")
	CourseView resumption(@PathVariable UUID courseId, @Valid @RequestBody(required = false) @Nullable ResumptionRequest request) {
		pausing.resume(courseId, request == null ? null : request.reason());
		return get(courseId);
	}
}
