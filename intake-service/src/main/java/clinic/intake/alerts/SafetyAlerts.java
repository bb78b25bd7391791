package clinic.intake.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import clinic.intake.alerts.SafetyAlert.Kind;
import clinic.intake.clinical.ClinicalHistory.MedicalCondition;
import clinic.intake.eligibility.EligibilityDecision;
import clinic.intake.patients.PatientStatus;
import clinic.intake.screening.Screening;

/**
 * The safety alerts intake raises about a patient, in the order pages show them: suicide risk at the latest screening
 * (PHQ-9 item 9 above 0; a high-risk C-SSRS screen, naming the yes answers that make it so), a decline (who decided,
 * and why) and a hypersensitivity to ketamine in the latest screening's medical history. Only the latest screening
 * counts: a later screening without risk answers is the clinician's newer word. Nothing is scored here; the flags are
 * the instruments' own.
 */
public final class SafetyAlerts {

	private SafetyAlerts() {
	}

	public static List<SafetyAlert> of(PatientStatus status, List<Screening> screenings,
			List<EligibilityDecision> decisions) {
		var alerts = new ArrayList<SafetyAlert>();
		var latest = latest(screenings, Comparator.comparing(Screening::screenedAt));
		latest.filter(s -> s.phq9().suicideRiskFlag())
			.ifPresent(s -> alerts.add(new SafetyAlert(Kind.SUICIDE_RISK,
					"Suicide risk: PHQ-9 item 9 answered " + s.phq9().items().get(8) + " at the latest screening")));
		latest.map(Screening::cssrs)
			.filter(c -> c.highRisk())
			.ifPresent(c -> alerts.add(new SafetyAlert(Kind.SUICIDE_RISK,
					"Suicide risk: C-SSRS high risk (yes to " + String.join(", ", c.highRiskAnswers()) + ")")));
		if (status == PatientStatus.DECLINED) {
			alerts.add(new SafetyAlert(Kind.DECLINED, declined(
					latest(decisions, Comparator.comparing(EligibilityDecision::decidedAt)))));
		}
		latest.filter(s -> s.history() != null
				&& s.history().medicalHistory().contains(MedicalCondition.KETAMINE_HYPERSENSITIVITY))
			.ifPresent(s -> alerts.add(new SafetyAlert(Kind.ALLERGY, "Allergy: hypersensitivity to ketamine")));
		return List.copyOf(alerts);
	}

	private static String declined(Optional<EligibilityDecision> decision) {
		return decision.map(d -> "Declined by " + d.decidedBy()
				+ (d.reason() == null || d.reason().isBlank() ? "" : ": " + d.reason()))
			.orElse("Declined");
	}

	/** The last of the latest: of two at the same moment, the one recorded later. */
	private static <T> Optional<T> latest(List<T> items, Comparator<T> order) {
		return items.stream().reduce((a, b) -> order.compare(b, a) >= 0 ? b : a);
	}
}
