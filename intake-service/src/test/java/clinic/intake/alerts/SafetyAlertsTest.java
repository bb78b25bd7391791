package clinic.intake.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.instruments.Cssrs;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory.MedicalCondition;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.eligibility.EligibilityDecision;
import clinic.intake.eligibility.Outcome;
import clinic.intake.patients.PatientStatus;
import clinic.intake.screening.Screening;

class SafetyAlertsTest {

	static final UUID PATIENT = UUID.randomUUID();

	static Screening screening(String at, List<Integer> phq9, Cssrs cssrs, MedicalCondition... history) {
		var clinical = new ClinicalHistory(Set.of(), List.of(), Set.of(history), null, null, List.of());
		return new Screening(UUID.randomUUID(), PATIENT, Phq9.score(phq9, "phq9"), null, null, cssrs, false, null,
				clinical, null, null, null, "dr.house", Instant.parse(at));
	}

	static EligibilityDecision decision(String at, Outcome outcome, String by, String reason) {
		return new EligibilityDecision(UUID.randomUUID(), PATIENT, UUID.randomUUID(), outcome, reason, null, by,
				Instant.parse(at), null);
	}

	static final List<Integer> NO_RISK = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0);

	static final List<Integer> ITEM_9_TWO = List.of(2, 2, 2, 2, 2, 1, 1, 1, 2);

	static List<String> texts(List<SafetyAlert> alerts) {
		return alerts.stream().map(SafetyAlert::text).toList();
	}

	@Test
	void givenRiskAnswersADeclineAndAnAllergyThenEachIsRaisedInThePagesOrder() {
		var risky = screening("2026-02-01T09:00:00Z", ITEM_9_TWO, Cssrs.score(true, true, false, true, false, true, "cssrs"),
				MedicalCondition.KETAMINE_HYPERSENSITIVITY);
		var earlier = screening("2026-01-01T09:00:00Z", NO_RISK, null);
		var decisions = List.of(decision("2026-02-02T10:00:00Z", Outcome.CLEARED, "dr.who", null),
				decision("2026-02-03T10:00:00Z", Outcome.DECLINED, "dr.house", "Pregnancy"));

		var alerts = SafetyAlerts.of(PatientStatus.DECLINED, List.of(risky, earlier), decisions);

		assertThat(texts(alerts)).containsExactly("Suicide risk: PHQ-9 item 9 answered 2 at the latest screening",
				"Suicide risk: C-SSRS high risk (yes to Q4, Q6)", "Declined by dr.house: Pregnancy",
				"Allergy: hypersensitivity to ketamine");
		assertThat(alerts).extracting(a -> a.kind().code())
			.containsExactly("suicide-risk", "suicide-risk", "declined", "allergy");
	}

	@Test
	void givenALaterScreeningWithoutRiskThenTheEarlierRiskAnswersRaiseNothing() {
		var risky = screening("2026-01-01T09:00:00Z", ITEM_9_TWO, Cssrs.score(true, true, true, true, true, true, "cssrs"),
				MedicalCondition.KETAMINE_HYPERSENSITIVITY);
		var later = screening("2026-02-01T09:00:00Z", NO_RISK, null);

		assertThat(SafetyAlerts.of(PatientStatus.SCREENED, List.of(risky, later), List.of())).isEmpty();
	}

	@Test
	void givenADeclineWithoutAReasonOrWithoutADecisionThenTheAlertSaysWhatIsKnown() {
		assertThat(texts(SafetyAlerts.of(PatientStatus.DECLINED, List.of(),
				List.of(decision("2026-02-03T10:00:00Z", Outcome.DECLINED, "dr.house", null)))))
			.containsExactly("Declined by dr.house");
		assertThat(texts(SafetyAlerts.of(PatientStatus.DECLINED, List.of(), List.of()))).containsExactly("Declined");
	}

	@Test
	void givenADeclinedDecisionSupersededByAClearanceThenNoDeclineIsRaised() {
		var decisions = List.of(decision("2026-02-02T10:00:00Z", Outcome.DECLINED, "dr.house", "Pregnancy"),
				decision("2026-02-03T10:00:00Z", Outcome.CLEARED, "dr.house", "Report was for another patient"));

		assertThat(SafetyAlerts.of(PatientStatus.CLEARED, List.of(), decisions)).isEmpty();
	}

	@Test
	void givenAPatientNeverScreenedThenNothingIsRaised() {
		assertThat(SafetyAlerts.of(PatientStatus.REFERRED, List.of(), List.of())).isEmpty();
	}
}
