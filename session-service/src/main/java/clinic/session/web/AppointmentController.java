package clinic.session.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import clinic.session.path.CourseOrderOverride;
import clinic.session.path.PathService;
import clinic.session.records.ScheduledSession;
import clinic.session.records.SessionRecordService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The nurse's day (booked appointments of a date at a site), one of its appointments, and a clinician's override of
 * the course order.
 */
@RestController
@RequestMapping("/api/session/appointments")
class AppointmentController {

	static final int MAX_PAGE_SIZE = 200;

	private final SessionRecordService records;

	private final PathService path;

	AppointmentController(SessionRecordService records, PathService path) {
		this.records = records;
		this.path = path;
	}

	record OverrideRequest(@Size(max = PathService.MAX_REASON) String reason) {
	}

	@GetMapping
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "The nurse's day: infusions and boosters booked on a date (default today, in each site's "
			+ "time zone) at a site (default every site), earliest first, with the patient's name and MRN, chair, "
			+ "course position, course state and the session record once one is open; paged")
	SessionRecordService.DayPage day(@RequestParam(required = false) UUID site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return records.day(site, date, page, size);
	}

	@GetMapping("/{appointmentId}")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "One booked appointment as the nurse's day shows it (patient, MRN, infusion n of N, chair, "
			+ "site and time zone, the record once open): the session chart's banner")
	ScheduledSession appointment(@PathVariable UUID appointmentId) {
		return records.appointment(appointmentId);
	}

	@PostMapping("/{appointmentId}/course-order-override")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "A clinician lets this infusion be given while an earlier one of its course is still "
			+ "outstanding, with the reason (recorded on the session record)")
	CourseOrderOverride overrideCourseOrder(@PathVariable UUID appointmentId, @Valid @RequestBody OverrideRequest request) {
		return path.overrideCourseOrder(appointmentId, request.reason());
	}
}
