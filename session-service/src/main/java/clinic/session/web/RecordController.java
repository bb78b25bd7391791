package clinic.session.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.session.monitoring.MonitoringSettings;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.VitalSigns;
import clinic.session.monitoring.VitalsReading;
import clinic.session.records.SessionChartService;
import clinic.session.records.SessionRecordService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opening a record, reading it (JSON, a vitals series for plotting, a printable summary), vitals, sign-off. Every
 * POST takes an {@code Idempotency-Key} and an {@code If-Match} (see {@link EntryAnswers}).
 */
@RestController
@RequestMapping("/api/session/records")
class RecordController {

	private final SessionRecordService records;

	private final SessionChartService charts;

	private final MonitoringSettings monitoring;

	private final EntryAnswers entries;

	RecordController(SessionRecordService records, SessionChartService charts, MonitoringSettings monitoring,
			EntryAnswers entries) {
		this.records = records;
		this.charts = charts;
		this.monitoring = monitoring;
		this.entries = entries;
	}

	record OpenRequest(@NotNull UUID appointmentId) {
	}

	/**
	 * Physiological plausibility bounds of a measurement, not clinical thresholds (those are clinic settings).
	 * A respiratory rate of 0 is apnoea: rare, but it can be measured.
	 */
	record VitalsRequest(@NotNull @Min(50) @Max(300) Integer systolic, @NotNull @Min(20) @Max(200) Integer diastolic,
			@NotNull @Min(20) @Max(250) Integer heartRate, @NotNull @Min(50) @Max(100) Integer spo2,
			@NotNull @Min(0) @Max(80) Integer respiratoryRate) {
	}

	/** The nurse's sign-off of the discharge, with notes for the record. */
	record CompletionRequest(@Size(max = EntryLimits.RECORD_TEXT) String notes) {
	}

	/** Readings as columns, oldest first, with the thresholds and the session's times, ready for a chart. */
	record VitalsSeries(UUID sessionId, UUID patientId, List<Instant> takenAt, List<Phase> phase,
			List<Integer> systolic, List<Integer> diastolic, List<Integer> heartRate, List<Integer> spo2,
			List<Integer> respiratoryRate, Limits limits, Instant dosedAt, Instant infusionEndedAt) {
	}

	record Limits(int systolicAbove, int diastolicAbove, int heartRateAbove, int spo2Below) {
	}

	@PostMapping
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "Open the session record of a booked appointment (the patient needs a dose plan)")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> open(@Valid @RequestBody OpenRequest request, HttpServletRequest http) {
		return entries.opening(http, request,
				() -> RecordView.of(charts.chartOf(records.open(request.appointmentId()))));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "A session record: the chart so far, readings due or overdue, open discharge criteria")
	RecordView get(@PathVariable UUID id) {
		return RecordView.of(charts.chart(id));
	}

	@GetMapping("/{id}/vitals-series")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "The record's vitals as series for plotting, with the monitoring thresholds")
	VitalsSeries series(@PathVariable UUID id) {
		var r = charts.chart(id).record();
		var v = r.vitals();
		return new VitalsSeries(r.id(), r.patientId(), v.stream().map(VitalsReading::takenAt).toList(),
				v.stream().map(VitalsReading::phase).toList(), v.stream().map(VitalsReading::systolic).toList(),
				v.stream().map(VitalsReading::diastolic).toList(), v.stream().map(VitalsReading::heartRate).toList(),
				v.stream().map(VitalsReading::spo2).toList(), v.stream().map(VitalsReading::respiratoryRate).toList(),
				new Limits(monitoring.systolicAbove(), monitoring.diastolicAbove(), monitoring.heartRateAbove(),
						monitoring.spo2Below()),
				r.dosing() == null ? null : r.dosing().administeredAt(),
				r.infusionEnd() == null ? null : r.infusionEnd().endedAt());
	}

	@GetMapping(value = "/{id}/summary", produces = MediaType.TEXT_HTML_VALUE)
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "A printable summary of the session (HTML)")
	ResponseEntity<String> summary(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			// every value is escaped; the policy is a second line should one ever slip through
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(SummaryPage.render(charts.chart(id)));
	}

	@PostMapping("/{id}/vitals")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "Record a vitals reading; returns it with the monitoring thresholds it breaches (a breach "
			+ "raises an alert and publishes clinic.session.vitals-breach.v1)")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VitalsReading.class)))
	ResponseEntity<String> vitals(@PathVariable UUID id, @Valid @RequestBody VitalsRequest request,
			HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.CREATED,
				() -> charts.recordVitals(id, new VitalSigns(request.systolic(), request.diastolic(),
						request.heartRate(), request.spo2(), request.respiratoryRate())));
	}

	@PostMapping("/{id}/completion")
	@PreAuthorize(Roles.IS_NURSE)
	@Operation(summary = "The nurse signs the discharge (refused while a discharge criterion is open); with the "
			+ "clinician's signature the record is COMPLETED and session-completed is published")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> complete(@PathVariable UUID id,
			@Valid @RequestBody(required = false) CompletionRequest request, HttpServletRequest http) {
		return entries.once(http, id, request, HttpStatus.OK,
				() -> RecordView.of(charts.signAsNurse(id, request == null ? null : request.notes())));
	}

	@PostMapping("/{id}/clinician-sign-off")
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "The clinician signs the discharge (refused while a discharge criterion is open); with the "
			+ "nurse's signature the record is COMPLETED and session-completed is published")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordView.class)))
	ResponseEntity<String> clinicianSignOff(@PathVariable UUID id, HttpServletRequest http) {
		return entries.once(http, id, null, HttpStatus.OK, () -> RecordView.of(charts.signAsClinician(id)));
	}
}
