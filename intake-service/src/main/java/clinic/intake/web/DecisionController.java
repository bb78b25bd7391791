package clinic.intake.web;

import java.math.BigDecimal;
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
import clinic.intake.eligibility.DecisionService;
import clinic.intake.eligibility.DosePlan;
import clinic.intake.eligibility.EligibilityDecision;
import clinic.intake.eligibility.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/intake/patients/{patientId}/eligibility-decisions")
class DecisionController {

	private final DecisionService decisions;

	DecisionController(DecisionService decisions) {
		this.decisions = decisions;
	}

	/** {@code supersedesDecisionId}: the patient's latest decision, required (with a reason) when there is one. */
	record DecisionRequest(@NotNull UUID screeningId, @NotNull Outcome outcome, @Size(max = 2000) String reason,
			@Valid DosePlanRequest dosePlan, UUID supersedesDecisionId) {
	}

	/**
	 * The plan as the clinician enters it; the clinic's range is added when it is signed (and checked then). The bounds
	 * here only refuse what is no dose at all.
	 */
	record DosePlanRequest(DosePlan.Route route,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal mgPerKg) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "Sign an eligibility decision (CLEARED with a dose plan, or DECLINED)",
			description = "A signed decision is never changed. When the patient has one, the new decision supersedes "
					+ "it: name the latest in `supersedesDecisionId` and give a `reason` (409 when it names none or "
					+ "an older one)")
	EligibilityDecision sign(@PathVariable UUID patientId, @Valid @RequestBody DecisionRequest request) {
		return decisions.sign(patientId, new DecisionService.Signing(request.screeningId(), request.outcome(),
				request.reason(), plan(request.dosePlan()), request.supersedesDecisionId()));
	}

	private static DosePlan plan(DosePlanRequest request) {
		return request == null ? null : DosePlan.entered(request.route(), request.mgPerKg());
	}
}
