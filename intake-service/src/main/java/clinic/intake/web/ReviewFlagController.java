package clinic.intake.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.review.ReviewFlag;
import clinic.intake.review.ReviewFlagService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
class ReviewFlagController {

	private final ReviewFlagService flags;

	ReviewFlagController(ReviewFlagService flags) {
		this.flags = flags;
	}

	record ClearanceRequest(@NotBlank @Size(max = 2000) String reason) {
	}

	@PostMapping("/api/intake/patients/{patientId}/review-flags/{flagId}/clearance")
	@PreAuthorize(Roles.IS_CLINICIAN)
	@Operation(summary = "A clinician clears a patient's review flag (from a reported adverse event) with a reason",
			description = "400 without `reason`; 409 when the flag was cleared already or the adverse event did not "
					+ "flag the patient")
	ReviewFlag clear(@PathVariable UUID patientId, @PathVariable UUID flagId,
			@Valid @RequestBody ClearanceRequest request) {
		return flags.clear(patientId, flagId, request.reason());
	}
}
