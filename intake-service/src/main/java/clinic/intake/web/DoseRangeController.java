package clinic.intake.web;

import java.math.BigDecimal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.eligibility.DecisionService;
import io.swagger.v3.oas.annotations.Operation;

/** The clinic's mg/kg range for dose plans, for pages and systems that help a clinician enter one. */
@RestController
class DoseRangeController {

	private final DecisionService decisions;

	DoseRangeController(DecisionService decisions) {
		this.decisions = decisions;
	}

	record DoseRange(BigDecimal minMgPerKg, BigDecimal maxMgPerKg, BigDecimal defaultMgPerKg) {
	}

	@GetMapping("/api/intake/dose-range")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "The mg/kg range a dose plan is signed within, and the mg/kg a new plan starts from")
	DoseRange range() {
		var range = decisions.doseRange();
		return new DoseRange(range.minMgPerKg(), range.maxMgPerKg(), range.defaultMgPerKg());
	}
}
