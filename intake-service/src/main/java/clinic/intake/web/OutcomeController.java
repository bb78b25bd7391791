package clinic.intake.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.outcomes.OutcomeTracking;
import clinic.intake.outcomes.OutcomeTrend;
import io.swagger.v3.oas.annotations.Operation;

@RestController
class OutcomeController {

	private final OutcomeTracking outcomes;

	OutcomeController(OutcomeTracking outcomes) {
		this.outcomes = outcomes;
	}

	@GetMapping("/api/intake/patients/{patientId}/outcomes")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "A patient's score series for one instrument (PHQ-9, GAD-7, PCL-5) with baseline, change,"
			+ " response, remission and the futility flag")
	OutcomeTrend outcomes(@PathVariable UUID patientId,
			@RequestParam(defaultValue = OutcomeScores.PHQ9) String instrument) {
		return outcomes.trend(patientId, instrument);
	}
}
