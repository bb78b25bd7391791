package clinic.scheduling.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.booking.AppointmentDetail;
import clinic.scheduling.booking.AppointmentKind;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.StatusChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An appointment's lifecycle, with FHIR R4 status codes: booked, arrived, checked-in, fulfilled, cancelled, noshow. */
@RestController
@RequestMapping("/api/scheduling/appointments")
class AppointmentController {

	private final AppointmentLifecycle lifecycle;

	AppointmentController(AppointmentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Schema(name = "AppointmentCancellationRequest")
	record CancellationRequest(@Nullable @Size(max = BookingService.MAX_REASON) String reason) {
	}

	/** {@code start} is an ISO-8601 instant, for example 2026-03-02T08:00:00Z. */
	@Schema(name = "AppointmentRescheduleRequest")
	record RescheduleRequest(@NotNull UUID chairId, @NotNull Instant start) {
	}

	/** One status change; {@code from} is null for the booking itself. */
	record StatusChangeView(@Nullable String from, String to, @Nullable String reason, String by, Instant at) {

		static StatusChangeView of(StatusChange c) {
			return new StatusChangeView(c.from() == null ? null : c.from().code(), c.to().code(), c.reason(), c.by(),
					c.at());
		}
	}

	/**
	 * An appointment; {@code onHold}: its course is paused (only a cancellation is taken); {@code onItsDay}: today, on
	 * its site's clock, is its day (arrival and check-in are taken).
	 */
	record AppointmentDetailView(UUID id, UUID courseId, UUID patientId, UUID chairId, String chairName,
			AppointmentKind kind, int sequence, Instant start, Instant end, String status,
			@Nullable String cancellationReason, @Nullable UUID rescheduledFrom, String bookedBy, Instant bookedAt,
			List<StatusChangeView> history, boolean onHold, boolean onItsDay) {
	}

	private AppointmentDetailView view(AppointmentDetail d) {
		var a = d.appointment();
		return new AppointmentDetailView(a.id(), a.courseId(), a.patientId(), a.chairId(), a.chairName(), a.kind(),
				a.sequence(), a.start(), a.end(), a.status().code(), d.cancellationReason(), d.rescheduledFrom(),
				a.bookedBy(), a.bookedAt(), d.history().stream().map(StatusChangeView::of).toList(), a.onHold(),
				lifecycle.isItsDay(a));
	}

	@GetMapping("/{appointmentId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "An appointment with its status history")
	AppointmentDetailView get(@PathVariable UUID appointmentId) {
		return view(lifecycle.detail(appointmentId));
	}

	@PostMapping("/{appointmentId}/arrival")
	@PreAuthorize(Roles.IS_FRONT_DESK_NURSE_OR_ADMIN)
	@Operation(summary = "The patient has arrived (booked → arrived), on its day at its site (409 on another)")
	AppointmentDetailView arrival(@PathVariable UUID appointmentId) {
		return view(lifecycle.arrive(appointmentId));
	}

	@PostMapping("/{appointmentId}/check-in")
	@PreAuthorize(Roles.IS_FRONT_DESK_NURSE_OR_ADMIN)
	@Operation(summary = "The patient is checked in (arrived → checked-in), on the appointment's day at its site")
	AppointmentDetailView checkIn(@PathVariable UUID appointmentId) {
		return view(lifecycle.checkIn(appointmentId));
	}

	@PostMapping("/{appointmentId}/cancellation")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Cancel with a reason (booked or arrived → cancelled); the chair time is free again")
	AppointmentDetailView cancellation(@PathVariable UUID appointmentId,
			@Valid @RequestBody(required = false) @Nullable CancellationRequest request) {
		return view(lifecycle.cancel(appointmentId, request == null ? null : request.reason()));
	}

	@PostMapping("/{appointmentId}/no-show")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The patient did not come (booked → noshow)")
	AppointmentDetailView noShow(@PathVariable UUID appointmentId) {
		return view(lifecycle.noShow(appointmentId));
	}

	@PostMapping("/{appointmentId}/reschedule")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Move a booked appointment: it is cancelled (reason \"rescheduled\") and the new booked "
			+ "appointment, linked to it by rescheduledFrom, is returned")
	AppointmentDetailView reschedule(@PathVariable UUID appointmentId, @Valid @RequestBody RescheduleRequest request) {
		return view(lifecycle.reschedule(appointmentId, new BookingService.Booking(request.chairId(), request.start())));
	}
}
