package clinic.intake.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.eligibility.DecisionService;
import clinic.intake.eligibility.ReviewItem;
import io.swagger.v3.oas.annotations.Operation;

@RestController
class ReviewQueueController {

	private final DecisionService decisions;

	ReviewQueueController(DecisionService decisions) {
		this.decisions = decisions;
	}

	@GetMapping("/api/intake/review-queue")
	@PreAuthorize(Roles.IS_CLINICIAN_OR_ADMIN)
	@Operation(summary = "Patients waiting for a clinician: each patient's latest screening without a decision "
			+ "signed after it, and patients with open review flags (reported adverse events, urgent, in `flags`); "
			+ "urgent (suicide-risk or flagged) first, then the oldest first")
	List<ReviewItem> waiting() {
		return decisions.reviewQueue();
	}
}
