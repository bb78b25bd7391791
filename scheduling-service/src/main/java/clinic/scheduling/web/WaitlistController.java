package clinic.scheduling.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import clinic.scheduling.resources.ChairAttributes;
import clinic.scheduling.waitlist.WaitlistEntry;
import clinic.scheduling.waitlist.WaitlistOffer;
import clinic.scheduling.waitlist.WaitlistService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The waitlist: courses waiting for an earlier slot, and the freed slots offered to them (rank 1 is the best match;
 * the first to accept books it).
 */
@RestController
@RequestMapping("/api/scheduling/waitlist")
class WaitlistController {

	private final WaitlistService waitlist;

	WaitlistController(WaitlistService waitlist) {
		this.waitlist = waitlist;
	}

	/** Chair attributes are short words such as recliner or monitor, as chairs are given them ({@link ChairAttributes}). */
	record EntryRequest(@NotNull UUID courseId, @Nullable UUID siteId, @Nullable Set<DayOfWeek> days,
			@Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd,
			@Nullable @Size(max = ChairAttributes.MAX_WISHED) Set<@Pattern(regexp = ChairAttributes.PATTERN) String> chairAttributes,
			@Nullable @Size(max = WaitlistService.MAX_NOTE) String note) {
	}

	/** An offer names its patient, so that the audit trail records whose offers a freed slot's list showed. */
	record OfferView(UUID id, UUID entryId, UUID patientId, UUID chairId, String chairName, Instant start, Instant end,
			UUID freedBy, int rank, WaitlistOffer.Status status, Instant offeredAt, @Nullable String answeredBy,
			@Nullable Instant answeredAt) {

		static OfferView of(WaitlistOffer o) {
			return new OfferView(o.id(), o.entryId(), o.patientId(), o.chairId(), o.chairName(), o.start(), o.end(),
					o.freedBy(), o.rank(), o.status(), o.offeredAt(), o.answeredBy(), o.answeredAt());
		}
	}

	record EntryView(UUID id, UUID courseId, UUID patientId, String patientName, UUID siteId, Set<DayOfWeek> days,
			@Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd, Set<String> chairAttributes,
			@Nullable String note, WaitlistEntry.Status status, String createdBy, Instant createdAt,
			List<OfferView> offers) {

		static EntryView of(WaitlistEntry e, List<WaitlistOffer> offers) {
			return new EntryView(e.id(), e.courseId(), e.patientId(), e.patientName(), e.siteId(), e.days(),
					e.earliestStart(), e.latestEnd(), e.chairAttributes(), e.note(), e.status(), e.createdBy(),
					e.createdAt(), offers.stream().map(OfferView::of).toList());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Put a course with infusions left to book on the waitlist, with the patient's wishes")
	EntryView add(@Valid @RequestBody EntryRequest request) {
		var entry = waitlist.add(request.courseId(), new WaitlistService.Wishes(request.siteId(), request.days(),
				request.earliestStart(), request.latestEnd(), request.chairAttributes(), request.note()));
		return EntryView.of(entry, List.of());
	}

	@GetMapping
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "Waitlist entries (optionally in one status: WAITING, BOOKED, WITHDRAWN), oldest first, with "
			+ "their offers")
	List<EntryView> list(@RequestParam(required = false) WaitlistEntry.@Nullable Status status) {
		return waitlist.list(status).stream().map(e -> EntryView.of(e.entry(), e.offers())).toList();
	}

	@GetMapping("/slots/{appointmentId}/offers")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The offers of the slot a cancelled or moved appointment freed, by rank")
	List<OfferView> offersOfSlot(@PathVariable UUID appointmentId) {
		return waitlist.offersOfSlot(appointmentId).stream().map(OfferView::of).toList();
	}

	@PostMapping("/{entryId}/withdrawal")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Take an entry off the waitlist; slots offered to it pass on to the next match")
	void withdraw(@PathVariable UUID entryId) {
		waitlist.withdraw(entryId);
	}

	@PostMapping("/offers/{offerId}/acceptance")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The patient takes the offered slot: it is booked with every check of a booking (409 when "
			+ "someone was quicker); returns the appointment")
	CourseController.AppointmentView accept(@PathVariable UUID offerId) {
		return CourseController.AppointmentView.of(waitlist.accept(offerId));
	}

	@PostMapping("/offers/{offerId}/decline")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The patient does not want the slot: it is offered to the next best match")
	OfferView decline(@PathVariable UUID offerId) {
		return OfferView.of(waitlist.decline(offerId));
	}
}
