package clinic.scheduling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.resources.ConsultationSlot;
import clinic.scheduling.resources.ConsultationSlotService;
import clinic.scheduling.resources.Inputs;
import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Clinicians' consultation slots: opened at a site, listed across sites by clinician and days. */
@RestController
@RequestMapping("/api/scheduling")
class ConsultationSlotController {

	private final ConsultationSlotService slots;

	private final ResourceHistory history;

	ConsultationSlotController(ConsultationSlotService slots, ResourceHistory history) {
		this.slots = slots;
		this.history = history;
	}

	/** {@code start} and {@code end} are ISO-8601 instants; {@code roomId} (a room of the site) is optional. */
	record SlotRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String clinician, @Nullable UUID roomId, @NotNull Instant start,
			@NotNull Instant end) {
	}

	@GetMapping("/consultation-slots")
	@PreAuthorize(Roles.IS_FRONT_DESK_CLINICIAN_OR_ADMIN)
	@Operation(summary = "Consultation slots overlapping the days `from` to `to` (ISO dates, both included, each on "
			+ "its site's clock); filter by clinician and siteId. A clinician sees only their own slots (403 for "
			+ "another clinician's)")
	List<ConsultationSlot> slots(
			@RequestParam(required = false) @Nullable @Size(max = Inputs.MAX_NAME) String clinician,
			@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return slots.slots(whoseSlots(clinician), siteId, from, to);
	}

	/**
	 * Whose slots the caller may list: the front desk (which books them) and administrators (who maintain them)
	 * anyone's, as asked; a clinician only their own (access policy: minimum necessary), whether they name
	 * themselves or nobody.
	 */
	private static @Nullable String whoseSlots(@Nullable String asked) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var roles = authentication == null ? Set.<String>of()
				: AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		if (roles.contains(Roles.authority(Roles.FRONT_DESK)) || roles.contains(Roles.authority(Roles.ADMIN))) {
			return asked;
		}
		var own = CurrentUser.name();
		if (asked != null && !asked.isBlank() && !asked.strip().equals(own)) {
			throw new AccessDeniedException("A clinician lists only their own consultation slots, not " + asked.strip()
					+ "'s");
		}
		return own;
	}

	@PostMapping("/sites/{siteId}/consultation-slots")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: open a clinician's consultation slot at a site; 409 naming the slot it overlaps "
			+ "(a clinician's slots never overlap)")
	ConsultationSlot add(@PathVariable UUID siteId, @Valid @RequestBody SlotRequest r) {
		return slots.add(siteId, r.roomId(), r.clinician(), r.start(), r.end());
	}

	@DeleteMapping("/consultation-slots/{slotId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: remove a consultation slot; ?version= the version read (409 when stale)")
	void remove(@PathVariable UUID slotId, @RequestParam long version) {
		slots.remove(slotId, version);
	}

	@GetMapping("/consultation-slots/{slotId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a consultation slot, its removal included")
	List<RevisionView> revisions(@PathVariable UUID slotId) {
		return RevisionView.of(history.of(ResourceKind.CONSULTATION_SLOT, slotId));
	}
}
