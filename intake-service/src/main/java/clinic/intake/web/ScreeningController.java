package clinic.intake.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.instruments.Gad7;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory.Diagnosis;
import clinic.intake.clinical.ClinicalHistory.DrugClass;
import clinic.intake.clinical.ClinicalHistory.MedicalCondition;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.eligibility.Proposal;
import clinic.intake.patients.Indication;
import clinic.intake.screening.Screening;
import clinic.intake.screening.ScreeningService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/intake/patients/{patientId}/screenings")
class ScreeningController {

	private final ScreeningService screenings;

	ScreeningController(ScreeningService screenings) {
		this.screenings = screenings;
	}

	/**
	 * PHQ-9 is required; GAD-7 (7 answers), PCL-5 (20 answers) and the C-SSRS screener are optional. Vitals carry
	 * physiological plausibility bounds of a measurement, not clinical thresholds.
	 */
	record ScreeningRequest(@NotNull List<Integer> phq9, List<Integer> gad7, List<Integer> pcl5, CssrsRequest cssrs,
			@NotNull @Min(50) @Max(300) Integer systolic, @NotNull @Min(20) @Max(200) Integer diastolic,
			@NotNull @Min(20) @Max(250) Integer heartRate,
			@NotNull @DecimalMin("20.0") @DecimalMax("400.0") BigDecimal weightKg,
			Set<@NotNull Diagnosis> diagnoses, @Size(max = 50) List<@NotNull @Valid TrialRequest> antidepressantTrials,
			Set<@NotNull MedicalCondition> medicalHistory, @Valid SubstanceUseRequest substanceUse,
			Boolean onMoodStabiliser, @Size(max = 50) List<@NotNull @Valid MedicationRequest> currentMedications,
			@Size(max = 4000) String notes) {

		ClinicalHistory history() {
			var trials = antidepressantTrials == null ? null
					: antidepressantTrials.stream()
						.map(t -> new ClinicalHistory.AntidepressantTrial(t.drug().strip(), t.adequate(), t.failed()))
						.toList();
			var use = substanceUse == null ? null
					: new ClinicalHistory.SubstanceUse(substanceUse.disorderHistory(), substanceUse.activeUse(),
							substanceUse.abstinentSince());
			var medications = currentMedications == null ? null
					: currentMedications.stream()
						.map(m -> new ClinicalHistory.Medication(m.name().strip(), m.drugClass()))
						.toList();
			return new ClinicalHistory(diagnoses, trials, medicalHistory, use, onMoodStabiliser, medications);
		}
	}

	/** An antidepressant tried before: adequate dose and duration, and whether it failed. */
	record TrialRequest(@NotBlank @Size(max = 200) String drug, @NotNull Boolean adequate, @NotNull Boolean failed) {
	}

	/** {@code abstinentSince} is left out when the patient is not abstinent or it is unknown. */
	record SubstanceUseRequest(@NotNull Boolean disorderHistory, @NotNull Boolean activeUse,
			@PastOrPresent LocalDate abstinentSince) {
	}

	record MedicationRequest(@NotBlank @Size(max = 200) String name, @NotNull DrugClass drugClass) {
	}

	/** C-SSRS screener answers, yes = true; Q3–Q5 are left out (null) when Q2 is no. */
	record CssrsRequest(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6) {
	}

	record Gad7View(List<Integer> items, int total, Gad7.Band band, boolean warrantsEvaluation) {
	}

	record Pcl5View(List<Integer> items, int total, int cutoff, boolean probablePtsd) {
	}

	record CssrsView(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6, boolean highRisk) {
	}

	/** GAD-7, PCL-5 and C-SSRS are null when not given. */
	record ScreeningView(UUID id, List<Integer> phq9, int phq9Total, Phq9.Band phq9Band, boolean suicideRiskFlag,
			Gad7View gad7, Pcl5View pcl5, CssrsView cssrs, boolean urgent, Vitals vitals, Set<Diagnosis> diagnoses,
			List<ClinicalHistory.AntidepressantTrial> antidepressantTrials, Set<MedicalCondition> medicalHistory,
			ClinicalHistory.SubstanceUse substanceUse, Boolean onMoodStabiliser,
			List<ClinicalHistory.Medication> currentMedications, Indication indication, Proposal proposal,
			String screenedBy, Instant screenedAt) {

		static ScreeningView of(Screening s) {
			var gad7 = s.gad7() == null ? null
					: new Gad7View(s.gad7().items(), s.gad7().total(), s.gad7().band(), s.gad7().warrantsEvaluation());
			var pcl5 = s.pcl5() == null ? null
					: new Pcl5View(s.pcl5().items(), s.pcl5().total(), s.pcl5().cutoff(), s.pcl5().probablePtsd());
			var h = s.history();
			var c = s.cssrs();
			var cssrs = c == null ? null
					: new CssrsView(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6(), c.highRisk());
			return new ScreeningView(s.id(), s.phq9().items(), s.phq9().total(), s.phq9().band(),
					s.phq9().suicideRiskFlag(), gad7, pcl5, cssrs, s.urgent(), s.vitals(), new TreeSet<>(h.diagnoses()),
					h.antidepressantTrials(), new TreeSet<>(h.medicalHistory()), h.substanceUse(), h.onMoodStabiliser(),
					h.currentMedications(), s.indication(), s.proposal(), s.screenedBy(), s.screenedAt());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "Record a screening; returns the scores and the rules' proposal")
	ScreeningView record(@PathVariable UUID patientId, @Valid @RequestBody ScreeningRequest request) {
		var vitals = new Vitals(request.systolic(), request.diastolic(), request.heartRate(), request.weightKg());
		var c = request.cssrs();
		var cssrs = c == null ? null
				: new ScreeningService.CssrsAnswers(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6());
		var screening = screenings.record(patientId, new ScreeningService.ScreeningInput(request.phq9(),
				request.gad7(), request.pcl5(), cssrs, vitals, request.history(), request.notes()));
		return ScreeningView.of(screening);
	}
}
