package clinic.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.session.doseplans.DosePlan;
import clinic.session.monitoring.VitalSigns;
import clinic.session.monitoring.VitalsReading;
import clinic.session.records.SessionRecord;
import clinic.session.records.SessionRecordService;
import clinic.session.records.SessionStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/session/records")
class RecordController {

	private final SessionRecordService records;

	RecordController(SessionRecordService records) {
		this.records = records;
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

	/** The dose bound is the largest plan intake accepts (1.0 mg/kg) for the heaviest patient it records (400 kg). */
	record CompletionRequest(
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("400") @Digits(integer = 3,
					fraction = 2) BigDecimal doseMg,
			@Min(0) @Max(27) Integer phq9Total, @Size(max = 4000) String notes) {
	}

	record RecordView(UUID id, UUID appointmentId, UUID patientId, String patientName, SessionStatus status,
			DosePlan dosePlan, List<VitalsReading> vitals, String openedBy, Instant openedAt, BigDecimal doseMg,
			Integer phq9Total, String notes, String completedBy, Instant completedAt) {

		static RecordView of(SessionRecord r) {
			var c = r.completion();
			return new RecordView(r.id(), r.appointmentId(), r.patientId(), r.patientName(), r.status(), r.dosePlan(),
					r.vitals(), r.openedBy(), r.openedAt(), c == null ? null : c.doseMg(),
					c == null ? null : c.phq9Total(), c == null ? null : c.notes(), c == null ? null : c.completedBy(),
					c == null ? null : c.completedAt());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('nurse')")
	@Operation(summary = "Open the session record of a booked appointment (the patient needs a dose plan)")
	RecordView open(@Valid @RequestBody OpenRequest request) {
		return RecordView.of(records.open(request.appointmentId()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('nurse', 'clinician', 'admin')")
	@Operation(summary = "A session record with its vitals")
	RecordView get(@PathVariable UUID id) {
		return RecordView.of(records.get(id));
	}

	@PostMapping("/{id}/vitals")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('nurse')")
	@Operation(summary = "Record a vitals reading; returns it with the monitoring thresholds it breaches")
	VitalsReading vitals(@PathVariable UUID id, @Valid @RequestBody VitalsRequest request) {
		return records.recordVitals(id, new VitalSigns(request.systolic(), request.diastolic(), request.heartRate(),
				request.spo2(), request.respiratoryRate()));
	}

	@PostMapping("/{id}/completion")
	@PreAuthorize("hasRole('nurse')")
	@Operation(summary = "Complete the session with the dose given (needs at least one vitals reading)")
	RecordView complete(@PathVariable UUID id, @Valid @RequestBody CompletionRequest request) {
		return RecordView.of(records.complete(id,
				new SessionRecordService.CompletionInput(request.doseMg(), request.phq9Total(), request.notes())));
	}
}
