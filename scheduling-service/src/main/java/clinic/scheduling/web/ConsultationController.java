package clinic.scheduling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.consultations.BookedConsultation;
import clinic.scheduling.consultations.ConsultationChange;
import clinic.scheduling.consultations.ConsultationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Consultations: the front desk books a referred patient's consultation into a clinician's consultation slot, cancels
 * it with a reason, moves it to another slot, marks arrival and no-show; a clinician reads their own day. Times are
 * ISO-8601 instants; each consultation names its site's time zone, in which its day and wall-clock times are read.
 */
@RestController
@RequestMapping("/api/scheduling")
class ConsultationController {

	static final String FRONT_DESK = Roles.IS_FRONT_DESK_OR_ADMIN;

	private final ConsultationService consultations;

	ConsultationController(ConsultationService consultations) {
		this.consultations = consultations;
	}

	/** A consultation slot from {@code GET /api/scheduling/slots?kind=CONSULTATION&patientId=…}. */
	@Schema(name = "ConsultationBookingRequest")
	record BookingRequest(@NotNull UUID patientId, @NotNull UUID slotId) {
	}

	@Schema(name = "ConsultationCancellationRequest")
	record CancellationRequest(@Nullable @Size(max = BookingService.MAX_REASON) String reason) {
	}

	@Schema(name = "ConsultationRescheduleRequest")
	record RescheduleRequest(@NotNull UUID slotId) {
	}

	/**
	 * A consultation with its patient, clinician, site, the site's time zone and room; {@code actions} are what the
	 * front desk may do with it now (ARRIVE, NO_SHOW, CANCEL, RESCHEDULE).
	 */
	record ConsultationView(UUID id, UUID patientId, String patientName, String mrn, @Nullable UUID slotId,
			String clinician, UUID siteId, String siteName, String timeZone, @Nullable UUID roomId,
			@Nullable String roomName, Instant start, Instant end, String status, @Nullable String cancellationReason,
			@Nullable UUID rescheduledFrom, String bookedBy, Instant bookedAt, Set<BookedConsultation.Action> actions) {

		static ConsultationView of(BookedConsultation booked) {
			var c = booked.consultation();
			return new ConsultationView(c.id(), c.patientId(), booked.patientName(), booked.mrn(), c.slotId(),
					c.clinician(), c.siteId(), booked.siteName(), booked.zone().getId(), c.roomId(), booked.roomName(),
					c.start(), c.end(), c.status().code(), c.cancellationReason(), c.rescheduledFrom(), c.bookedBy(),
					c.bookedAt(), booked.actions());
		}
	}

	record ChangeView(@Nullable String from, String to, @Nullable String reason, String by, Instant at) {

		static ChangeView of(ConsultationChange change) {
			return new ChangeView(change.from() == null ? null : change.from().code(), change.to().code(),
					change.reason(), change.by(), change.at());
		}
	}

	/** A consultation with its status changes; {@code patientId} for the audit log. */
	record DetailView(UUID patientId, ConsultationView consultation, List<ChangeView> history) {

		static DetailView of(ConsultationService.Detail detail) {
			var view = ConsultationView.of(detail.consultation());
			return new DetailView(view.patientId(), view, detail.history().stream().map(ChangeView::of).toList());
		}
	}

	record ListingView(LocalDate from, LocalDate to, List<ConsultationView> consultations) {
	}

	@Schema(name = "ConsultationDayView")
	record DayView(String clinician, LocalDate date, List<ConsultationView> consultations) {
	}

	@PostMapping("/consultations")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "Book a referred patient's consultation into a free consultation slot",
			description = "409 in words, with `reason`: PATIENT_UNKNOWN (intake's registration not heard yet), "
					+ "NOT_REFERRED, ALREADY_BOOKED (move or cancel that one), SLOT_TAKEN, PATIENT_BUSY (another "
					+ "appointment then), SLOT_NOT_OPEN (the site is closed then), NOT_NOW (the slot has begun). "
					+ "Publishes clinic.scheduling.consultation-booked.v1")
	ConsultationView book(@Valid @RequestBody BookingRequest request) {
		return ConsultationView.of(consultations.book(request.patientId(), request.slotId()));
	}

	@GetMapping("/consultations")
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "Consultations from `from` to `to` (ISO dates, both included, each on its site's clock; "
			+ "default from today on the clinic's clock, for a week), by start; filter by siteId and patientId; "
			+ "cancelled ones with includeCancelled=true")
	ListingView list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(defaultValue = "false") boolean includeCancelled) {
		var listing = consultations.list(from, to, siteId, patientId, includeCancelled);
		return new ListingView(listing.from(), listing.to(),
				listing.consultations().stream().map(ConsultationView::of).toList());
	}

	@GetMapping("/consultations/mine")
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "The signed-in clinician's consultations on a date (ISO date on each site's clock; default "
			+ "today on the clinic's clock): those in consultation slots that name the clinician's username")
	DayView mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		var day = consultations.mine(date);
		return new DayView(day.clinician(), day.date(),
				day.consultations().stream().map(ConsultationView::of).toList());
	}

	@GetMapping("/consultations/{consultationId}")
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "A consultation with its status history")
	DetailView get(@PathVariable UUID consultationId) {
		return DetailView.of(consultations.detail(consultationId));
	}

	@PostMapping("/consultations/{consultationId}/cancellation")
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "Cancel a booked or arrived consultation with a reason (400 naming `reason` without one); "
			+ "its slot is free again. Publishes clinic.scheduling.consultation-cancelled.v1")
	DetailView cancel(@PathVariable UUID consultationId, @Valid @RequestBody(required = false) @Nullable CancellationRequest request) {
		return DetailView.of(consultations.cancel(consultationId, request == null ? null : request.reason()));
	}

	@PostMapping("/consultations/{consultationId}/reschedule")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "Move a booked consultation to another free slot: it is cancelled (reason \"rescheduled\") "
			+ "and the new consultation, linked to it, is returned. Publishes clinic.scheduling.consultation-rescheduled.v1")
	DetailView reschedule(@PathVariable UUID consultationId, @Valid @RequestBody RescheduleRequest request) {
		return DetailView.of(consultations.reschedule(consultationId, request.slotId()));
	}

	@PostMapping("/consultations/{consultationId}/arrival")
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "The patient has come to a booked consultation (only on its day, on its site's clock)")
	DetailView arrive(@PathVariable UUID consultationId) {
		return DetailView.of(consultations.arrive(consultationId));
	}

	@PostMapping("/consultations/{consultationId}/no-show")
	@PreAuthorize(FRONT_DESK)
	@Operation(summary = "The patient did not come to a booked consultation (once it has begun). Publishes "
			+ "clinic.scheduling.consultation-no-show.v1")
	DetailView noShow(@PathVariable UUID consultationId) {
		return DetailView.of(consultations.noShow(consultationId));
	}
}
