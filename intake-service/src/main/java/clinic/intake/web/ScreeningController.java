package clinic.intake.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.intake.eligibility.Proposal;
import clinic.intake.screening.Phq9;
import clinic.intake.screening.Screening;
import clinic.intake.screening.ScreeningService;
import clinic.intake.screening.Vitals;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/intake/patients/{patientId}/screenings")
class ScreeningController {

	private final ScreeningService screenings;

	ScreeningController(ScreeningService screenings) {
		this.screenings = screenings;
	}

	/** Physiological plausibility bounds of a measurement, not clinical thresholds. */
	record ScreeningRequest(@NotNull List<Integer> phq9, @NotNull @Min(50) @Max(300) Integer systolic,
			@NotNull @Min(20) @Max(200) Integer diastolic, @NotNull @Min(20) @Max(250) Integer heartRate,
			@NotNull @DecimalMin("20.0") @DecimalMax("400.0") BigDecimal weightKg, @Size(max = 4000) String notes) {
	}

	record ScreeningView(UUID id, List<Integer> phq9, int phq9Total, Phq9.Band phq9Band, boolean suicideRiskFlag,
			Vitals vitals, Proposal proposal, String screenedBy, Instant screenedAt) {

		static ScreeningView of(Screening s) {
			return new ScreeningView(s.id(), s.phq9().items(), s.phq9().total(), s.phq9().band(),
					s.phq9().suicideRiskFlag(), s.vitals(), s.proposal(), s.screenedBy(), s.screenedAt());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('clinician')")
	@Operation(summary = "Record a screening; returns the scores and the rules' proposal")
	ScreeningView record(@PathVariable UUID patientId, @Valid @RequestBody ScreeningRequest request) {
		var vitals = new Vitals(request.systolic(), request.diastolic(), request.heartRate(), request.weightKg());
		var screening = screenings.record(patientId,
				new ScreeningService.ScreeningInput(request.phq9(), vitals, request.notes()));
		return ScreeningView.of(screening);
	}
}
