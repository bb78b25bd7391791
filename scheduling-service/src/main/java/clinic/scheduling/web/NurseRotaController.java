package clinic.scheduling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import clinic.scheduling.resources.ExtraShift;
import clinic.scheduling.resources.Inputs;
import clinic.scheduling.resources.NurseAbsence;
import clinic.scheduling.resources.NurseRotaService;
import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import clinic.scheduling.resources.RotaEntry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** Nurses on shift: the weekly rota per site, extra dated shifts, and absences. */
@RestController
@RequestMapping("/api/scheduling")
class NurseRotaController {

	private final NurseRotaService rotas;

	private final ResourceHistory history;

	NurseRotaController(NurseRotaService rotas, ResourceHistory history) {
		this.rotas = rotas;
		this.history = history;
	}

	/** {@code dayOfWeek}: ISO weekday 1 (Monday) to 7; {@code validUntil} inclusive, omitted for open-ended. */
	record RotaEntryRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String nurse, @NotNull @Min(1) @Max(7) Integer dayOfWeek, @NotNull LocalTime starts,
			@NotNull LocalTime ends, @NotNull @Min(0) @Max(Inputs.MAX_CHAIRS_WATCHED) Integer chairsWatched, @NotNull LocalDate validFrom,
			@Nullable LocalDate validUntil) {
	}

	record RotaEndRequest(@NotNull LocalDate validUntil, @NotNull Long version) {
	}

	/** {@code start} and {@code end} are ISO-8601 instants. */
	record ShiftRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String nurse, @NotNull Instant start, @NotNull Instant end,
			@NotNull @Min(0) @Max(Inputs.MAX_CHAIRS_WATCHED) Integer chairsWatched) {
	}

	record AbsenceRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String nurse, @NotNull LocalDate date,
			@NotBlank @Size(max = Inputs.MAX_REASON) String reason) {
	}

	@GetMapping("/sites/{siteId}/nurse-rota")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A site's weekly nurse rota entries; filter by nurse, and by validOn (an ISO date)")
	List<RotaEntry> rota(@PathVariable UUID siteId, @RequestParam(required = false) @Nullable String nurse,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validOn) {
		return rotas.rota(siteId, nurse, validOn);
	}

	@PostMapping("/sites/{siteId}/nurse-rota")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: add a weekly rota entry: nurse, weekday, starts–ends (wall clock), chairs watched "
			+ "at once, valid from (until)")
	RotaEntry addRotaEntry(@PathVariable UUID siteId, @Valid @RequestBody RotaEntryRequest r) {
		return rotas.addRotaEntry(siteId, new NurseRotaService.NewRotaEntry(r.nurse(), r.dayOfWeek(), r.starts(),
				r.ends(), r.chairsWatched(), r.validFrom(), r.validUntil()));
	}

	@PutMapping("/nurse-rota/{entryId}/valid-until")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: end a rota entry on a date (inclusive); entries are ended, never deleted; "
			+ "the version read is required")
	RotaEntry endRotaEntry(@PathVariable UUID entryId, @Valid @RequestBody RotaEndRequest request) {
		return rotas.endRotaEntry(entryId, request.validUntil(), request.version());
	}

	@GetMapping("/nurse-rota/{entryId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a rota entry, with who changed it and when")
	List<RevisionView> rotaRevisions(@PathVariable UUID entryId) {
		return RevisionView.of(history.of(ResourceKind.NURSE_ROTA, entryId));
	}

	@GetMapping("/sites/{siteId}/nurse-shifts")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A site's extra nurse shifts overlapping the days `from` to `to` (ISO dates, both included, "
			+ "the site's time zone); filter by nurse")
	List<ExtraShift> shifts(@PathVariable UUID siteId, @RequestParam(required = false) @Nullable String nurse,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return rotas.shifts(siteId, nurse, from, to);
	}

	@PostMapping("/sites/{siteId}/nurse-shifts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: add an extra nurse shift (cover, an extra day) outside the rota")
	ExtraShift addShift(@PathVariable UUID siteId, @Valid @RequestBody ShiftRequest r) {
		return rotas.addShift(siteId, r.nurse(), r.start(), r.end(), r.chairsWatched());
	}

	@DeleteMapping("/nurse-shifts/{shiftId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: remove an extra shift; ?version= the version read (409 when stale)")
	void removeShift(@PathVariable UUID shiftId, @RequestParam long version) {
		rotas.removeShift(shiftId, version);
	}

	@GetMapping("/nurse-shifts/{shiftId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of an extra shift, its removal included")
	List<RevisionView> shiftRevisions(@PathVariable UUID shiftId) {
		return RevisionView.of(history.of(ResourceKind.NURSE_SHIFT, shiftId));
	}

	@GetMapping("/nurse-absences")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Nurse absences from `from` to `to` (ISO dates, both included); filter by nurse")
	List<NurseAbsence> absences(@RequestParam(required = false) @Nullable String nurse,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return rotas.absences(nurse, from, to);
	}

	@PostMapping("/nurse-absences")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: record a day a nurse is away: their rota shifts at every site are off that day "
			+ "(409 when already recorded)")
	NurseAbsence addAbsence(@Valid @RequestBody AbsenceRequest r) {
		return rotas.addAbsence(r.nurse(), r.date(), r.reason());
	}

	@DeleteMapping("/nurse-absences/{absenceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: remove an absence; ?version= the version read (409 when stale)")
	void removeAbsence(@PathVariable UUID absenceId, @RequestParam long version) {
		rotas.removeAbsence(absenceId, version);
	}

	@GetMapping("/nurse-absences/{absenceId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of an absence, its removal included")
	List<RevisionView> absenceRevisions(@PathVariable UUID absenceId) {
		return RevisionView.of(history.of(ResourceKind.NURSE_ABSENCE, absenceId));
	}
}
