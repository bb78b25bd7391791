package clinic.session.monitoring;

import java.time.Instant;

import clinic.platform.problems.InvalidInputException;

/** Who recorded what was done about an alert, when, and why. */
public record AlertResponse(AlertAction action, String reason, String respondedBy, Instant respondedAt) {

	public AlertResponse {
		if (action == AlertAction.CONTINUE && (reason == null || reason.isBlank())) {
			throw new InvalidInputException("reason", "Continuing despite an alert needs a reason");
		}
	}
}
