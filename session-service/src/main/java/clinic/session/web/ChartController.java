package clinic.session.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.instruments.Cadss6;
import clinic.instruments.Phq9;
import clinic.session.monitoring.AlertAction;
import clinic.session.monitoring.Severity;
import clinic.session.monitoring.SideEffectKind;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.SessionChartService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The clinical steps of a session, from check-in to the discharge checklist, and addenda. Every POST takes an
 * {@code Idempotency-Key} and an {@code If-Match} (see {@link EntryAnswers}).
 */
@RestController
@RequestMapping("/api/session/records/{id}")
class ChartController {

	private final SessionChartService charts;

	private final EntryAnswers entries;

	ChartController(SessionChartService charts, EntryAnswers entries) {
		this.charts = charts;
		this.entries = entries;
	}

	record CheckInRequest(@NotNull Boolean identityConfirmed, @NotNull Boolean escortConfirmed,
			@Size(max = EntryLimits.NAME) String escortName, @NotNull Boolean fasting, @Size(max = EntryLimits.NOTE) String medicationChanges,
			@Size(max = Phq9.ITEMS) List<@Min(0) @Max(Phq9.MAX_ITEM_SCORE) Integer> phq9Items) {
	}

	record PreDoseConfirmationRequest(@NotBlank @Size(max = EntryLimits.NOTE) String reason) {
	}

	/**
	 * Plausibility bounds of what can be weighed and drawn, not clinical limits (the dose limits are clinic
	 * settings): 10–400 kg, up to 400 mg (1.0 mg/kg for the heaviest patient), a rate up to 2000 mg/h.
	 */
	record DoseRequest(
			@NotNull @DecimalMin("10") @DecimalMax("400") @Digits(integer = 3, fraction = 2) BigDecimal weightKg,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("400") @Digits(integer = 3,
					fraction = 2) BigDecimal doseMg,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("2000") @Digits(integer = 4,
					fraction = 2) BigDecimal infusionRateMgPerHour,
			@NotBlank @Size(max = EntryLimits.DRUG_LOT) String drugLot,
			@NotBlank @Size(max = EntryLimits.NAME) String preparedBy) {
	}

	record AlertActionRequest(@NotNull AlertAction action, @Size(max = EntryLimits.NOTE) String reason) {
	}

	record SideEffectRequest(@NotNull SideEffectKind effect, @NotNull Severity severity,
			@Size(max = EntryLimits.NOTE) String note) {
	}

	record CadssRequest(@NotNull @Size(max = Cadss6.ITEMS) List<@Min(0) @Max(Cadss6.MAX_ITEM_SCORE) Integer> items) {
	}

	record AdverseEventRequest(@NotNull AdverseEventGrade grade, @NotBlank @Size(max = EntryLimits.NOTE) String description) {
	}

	record DischargeRequest(@NotNull Boolean vitalsNearBaseline, @NotNull Boolean alertAndOriented,
			@NotNull Boolean steadyGait, @NotNull Boolean escortPresent, @NotNull Boolean instructionsGiven) {
	}

	record AddendumRequest(@NotBlank @Size(max = EntryLimits.RECORD_TEXT) String text) {
	}

	@PostMapping("/check-in")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "Check the patient in: identity and escort confirmed, fasting, medication changes, PHQ-9 "
			+ "items (optional, 9 answers 0-3)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.checkIn(id,
						new SessionChartService.CheckInInput(request.identityConfirmed(), request.escortConfirmed(),
								request.escortName(), request.fasting(), request.medicationChanges(),
								request.phq9Items()))));
	}

	@PostMapping("/pre-dose-confirmation")
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "A clinician confirms dosing despite a pre-dose blood pressure above the clinic's limit")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> confirmPreDoseBp(@PathVariable UUID id,
			@Valid @RequestBody PreDoseConfirmationRequest request, HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.confirmPreDoseBp(id, request.reason())));
	}

	@PostMapping("/dose")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "Record the dose: weight at the chair, dose (default mg/kg x weight; refused outside the "
			+ "clinic's limits or the plan), IV infusion rate, drug lot, who prepared it")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> dose(@PathVariable UUID id, @Valid @RequestBody DoseRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.dose(id, new SessionChartService.DoseInput(request.weightKg(),
						request.doseMg(), request.infusionRateMgPerHour(), request.drugLot(), request.preparedBy()))));
	}

	/** Why an IV infusion ends before the clinic's shortest IV infusion has run (not needed after that). */
	record InfusionEndRequest(@Size(max = EntryLimits.INFUSION_END_REASON) String reason) {
	}

	@PostMapping("/infusion-end")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "The IV infusion ended: recovery starts. Before the clinic's shortest IV infusion has run, "
			+ "the reason is required")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> endInfusion(@PathVariable UUID id,
			@Valid @RequestBody(required = false) InfusionEndRequest request, HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.endInfusion(id, request == null ? null : request.reason())));
	}

	@PostMapping("/alerts/{alertId}/action")
	@PreAuthorize(Roles.IS_CARE_TEAM)
	@Operation(summary = "Record what was done about an alert: PAUSE, SLOW, STOP (ends a running infusion) or "
			+ "CONTINUE with a reason")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> answerAlert(@PathVariable UUID id, @PathVariable UUID alertId,
			@Valid @RequestBody AlertActionRequest request, HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.answerAlert(id, alertId, request.action(), request.reason())));
	}

	@PostMapping("/side-effects")
	@PreAuthorize(Roles.IS_CARE_TEAM)
	@Operation(summary = "Record a side effect with its severity")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> sideEffect(@PathVariable UUID id, @Valid @RequestBody SideEffectRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.CREATED,
				() -> RecordView.of(
						charts.recordSideEffect(id, request.effect(), request.severity(), request.note())));
	}

	@PostMapping("/cadss")
	@PreAuthorize(Roles.IS_CARE_TEAM)
	@Operation(summary = "Record a CADSS-6 score (6 items 0-4)")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> cadss(@PathVariable UUID id, @Valid @RequestBody CadssRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.CREATED,
				() -> RecordView.of(charts.recordCadss(id, request.items())));
	}

	@PostMapping("/adverse-events")
	@PreAuthorize(Roles.IS_CARE_TEAM)
	@Operation(summary = "Report an adverse event (MILD, MODERATE, SEVERE, SERIOUS); publishes "
			+ "clinic.session.adverse-event-reported.v1")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> adverseEvent(@PathVariable UUID id, @Valid @RequestBody AdverseEventRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.CREATED,
				() -> RecordView.of(charts.reportAdverseEvent(id, request.grade(), request.description())));
	}

	@PostMapping("/discharge-checklist")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "The discharge checklist: vitals near baseline, alert and oriented, steady gait, escort "
			+ "present, instructions given")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> discharge(@PathVariable UUID id, @Valid @RequestBody DischargeRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.checkDischarge(id,
						new SessionChartService.DischargeInput(request.vitalsNearBaseline(), request.alertAndOriented(),
								request.steadyGait(), request.escortPresent(), request.instructionsGiven()))));
	}

	@PostMapping("/addenda")
	@PreAuthorize(Roles.IS_CARE_TEAM)
	@Operation(summary = "Add an addendum (a correction or late note, with author and time); also to a signed record")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> addendum(@PathVariable UUID id, @Valid @RequestBody AddendumRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.CREATED,
				() -> RecordView.of(charts.addAddendum(id, request.text())));
	}
}
