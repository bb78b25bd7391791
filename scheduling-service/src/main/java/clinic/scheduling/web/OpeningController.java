package clinic.scheduling.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.resources.Closure;
import clinic.scheduling.resources.DayHours;
import clinic.scheduling.resources.Inputs;
import clinic.scheduling.resources.OpeningService;
import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import clinic.scheduling.resources.SiteHours;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** When a site is open: its week's opening hours and its closure days. */
@RestController
@RequestMapping("/api/scheduling")
class OpeningController {

	private final OpeningService opening;

	private final ResourceHistory history;

	OpeningController(OpeningService opening, ResourceHistory history) {
		this.opening = opening;
		this.history = history;
	}

	/** {@code source}: "site" (the site's own hours) or "clinic-settings" (clinic.scheduling.opening-hours). */
	record HoursView(UUID siteId, String source, String timeZone, List<DayHours> days, long version) {

		static HoursView of(SiteHours hours) {
			return new HoursView(hours.siteId(), hours.source().name().toLowerCase(Locale.ROOT).replace('_', '-'),
					hours.timeZone().getId(), hours.days(), hours.version());
		}
	}

	/** {@code dayOfWeek} is the ISO weekday, 1 (Monday) to 7 (Sunday); times are "HH:mm" on the clinic's clock. */
	record DayHoursRequest(@NotNull @Min(1) @Max(7) Integer dayOfWeek, @NotNull LocalTime opens, @NotNull LocalTime closes) {
	}

	record HoursRequest(@NotNull List<@Valid @NotNull DayHoursRequest> days, @NotNull Long version) {
	}

	record ClosureRequest(@NotNull LocalDate date, @NotBlank @Size(max = Inputs.MAX_REASON) String reason) {
	}

	@GetMapping("/sites/{siteId}/hours")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "The opening hours that apply at a site per ISO weekday; source says whether they are the "
			+ "site's own or the clinic-wide settings (a site without hours of its own)")
	HoursView hours(@PathVariable UUID siteId) {
		return HoursView.of(opening.hours(siteId));
	}

	@PutMapping("/sites/{siteId}/hours")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: replace the week's opening hours of a site (a weekday left out is closed; an empty "
			+ "list returns the site to the clinic-wide settings); the hours' version read is required")
	HoursView replaceHours(@PathVariable UUID siteId, @Valid @RequestBody HoursRequest request) {
		var days = request.days()
			.stream()
			.map(day -> new DayHours(day.dayOfWeek(), day.opens(), day.closes()))
			.toList();
		return HoursView.of(opening.replaceHours(siteId, days, request.version()));
	}

	@GetMapping("/sites/{siteId}/hours/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a site's opening hours, with who changed them and when")
	List<RevisionView> hoursRevisions(@PathVariable UUID siteId) {
		return RevisionView.of(history.of(ResourceKind.SITE_HOURS, siteId));
	}

	@GetMapping("/sites/{siteId}/closures")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A site's closure days from `from` to `to` (ISO dates, both included)")
	List<Closure> closures(@PathVariable UUID siteId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return opening.closures(siteId, from, to);
	}

	@PostMapping("/sites/{siteId}/closures")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: close a site for a whole day, with a reason (409 when it is already closed that day)")
	Closure addClosure(@PathVariable UUID siteId, @Valid @RequestBody ClosureRequest request) {
		return opening.addClosure(siteId, request.date(), request.reason());
	}

	@DeleteMapping("/closures/{closureId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: remove a closure day; ?version= the version read (409 when stale)")
	void removeClosure(@PathVariable UUID closureId, @RequestParam long version) {
		opening.removeClosure(closureId, version);
	}

	@GetMapping("/closures/{closureId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a closure day, its removal included")
	List<RevisionView> closureRevisions(@PathVariable UUID closureId) {
		return RevisionView.of(history.of(ResourceKind.CLOSURE, closureId));
	}
}
