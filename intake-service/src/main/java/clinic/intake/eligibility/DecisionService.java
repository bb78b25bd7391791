package clinic.intake.eligibility;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.patients.PatientService;
import clinic.intake.patients.PatientStatus;
import clinic.intake.screening.Screenings;
import clinic.platform.events.ClinicEvents;
import clinic.platform.security.CurrentUser;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

/** A clinician signs the eligibility decision; only the signed decision is final and emitted. */
@Service
public class DecisionService {

	private final PatientService patients;

	private final Screenings screenings;

	private final EligibilityDecisions decisions;

	private final DoseSettings doseSettings;

	private final ClinicEvents events;

	private final Clock clock;

	DecisionService(PatientService patients, Screenings screenings, EligibilityDecisions decisions,
			DoseSettings doseSettings, ClinicEvents events, Clock clock) {
		this.patients = patients;
		this.screenings = screenings;
		this.decisions = decisions;
		this.doseSettings = doseSettings;
		this.events = events;
		this.clock = clock;
	}

	public record Signing(UUID screeningId, Outcome outcome, String reason, DosePlan dosePlan) {
	}

	@Transactional
	public EligibilityDecision sign(UUID patientId, Signing signing) {
		var patient = patients.get(patientId);
		var screening = screenings.find(signing.screeningId())
			.filter(s -> s.patientId().equals(patientId))
			.orElseThrow(() -> new NotFoundException("Screening of this patient", signing.screeningId()));
		if (signing.outcome() == Outcome.NEEDS_REVIEW) {
			throw new InvalidInputException("outcome", "A signed decision is CLEARED or DECLINED");
		}
		var overridesProposal = signing.outcome() != screening.proposal().outcome();
		if (overridesProposal && isBlank(signing.reason())) {
			throw new InvalidInputException("reason", "Deciding " + signing.outcome() + " against the proposal "
					+ screening.proposal().outcome() + " needs a written reason");
		}
		var dosePlan = checkedDosePlan(signing);
		var decision = new EligibilityDecision(UUID.randomUUID(), patientId, screening.id(), signing.outcome(),
				signing.reason(), dosePlan, CurrentUser.name(), clock.instant());
		decisions.insert(decision);
		var decided = patients.changeStatus(patientId,
				signing.outcome() == Outcome.CLEARED ? PatientStatus.CLEARED : PatientStatus.DECLINED);
		events.publish(EligibilityDecided.of(decision, patient.fullName(), decided.version()));
		return decision;
	}

	@Transactional(readOnly = true)
	public List<EligibilityDecision> of(UUID patientId) {
		return decisions.of(patientId);
	}

	private DosePlan checkedDosePlan(Signing signing) {
		if (signing.outcome() != Outcome.CLEARED) {
			return null;
		}
		var plan = signing.dosePlan();
		if (plan == null || plan.route() == null || plan.mgPerKg() == null) {
			throw new InvalidInputException("dosePlan", "Clearing a patient needs a dose plan: route and mg/kg");
		}
		if (plan.mgPerKg().stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException("dosePlan.mgPerKg", "mg/kg is set to at most two decimals, got "
					+ plan.mgPerKg());
		}
		if (plan.mgPerKg().compareTo(doseSettings.minMgPerKg()) < 0
				|| plan.mgPerKg().compareTo(doseSettings.maxMgPerKg()) > 0) {
			throw new InvalidInputException("dosePlan.mgPerKg", "mg/kg must be between " + doseSettings.minMgPerKg()
					+ " and " + doseSettings.maxMgPerKg() + ", got " + plan.mgPerKg());
		}
		return plan;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
