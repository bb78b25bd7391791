package clinic.intake.eligibility;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.patients.PatientService;
import clinic.intake.patients.PatientStatus;
import clinic.platform.events.ClinicEvents;
import clinic.platform.security.CurrentUser;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

/** A clinician signs the eligibility decision; only the signed decision is final and emitted. */
@Service
public class DecisionService {

	private final PatientService patients;

	private final ScreeningProposals proposals;

	private final EligibilityDecisions decisions;

	private final ReviewQueue reviewQueue;

	private final DoseSettings doseSettings;

	private final ClinicEvents events;

	private final Clock clock;

	DecisionService(PatientService patients, ScreeningProposals proposals, EligibilityDecisions decisions,
			ReviewQueue reviewQueue, DoseSettings doseSettings, ClinicEvents events, Clock clock) {
		this.patients = patients;
		this.proposals = proposals;
		this.decisions = decisions;
		this.reviewQueue = reviewQueue;
		this.doseSettings = doseSettings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the clinician signs. {@code supersedesDecisionId}: when the patient has a signed decision already, the
	 * new one must name it (the latest) and give a reason; null for the patient's first decision.
	 */
	public record Signing(UUID screeningId, Outcome outcome, String reason, DosePlan dosePlan,
			UUID supersedesDecisionId) {

		public Signing(UUID screeningId, Outcome outcome, String reason, DosePlan dosePlan) {
			this(screeningId, outcome, reason, dosePlan, null);
		}
	}

	/**
	 * Signs the decision. A patient's signed decision is never changed: a new decision supersedes the latest one,
	 * naming it and giving a reason (409 when it names none or an older one). The patient's status follows the new
	 * decision, the open referrals become DECIDED and eligibility-decided is published.
	 */
	@Transactional
	public EligibilityDecision sign(UUID patientId, Signing signing) {
		var patient = patients.getForUpdate(patientId);
		var proposal = proposals.of(patientId, signing.screeningId())
			.orElseThrow(() -> new NotFoundException("Screening of this patient", signing.screeningId()));
		if (signing.outcome() == Outcome.NEEDS_REVIEW) {
			throw new InvalidInputException("outcome", "A signed decision is CLEARED or DECLINED");
		}
		var overridesProposal = signing.outcome() != proposal.outcome();
		if (overridesProposal && isBlank(signing.reason())) {
			throw new InvalidInputException("reason", "Deciding " + signing.outcome() + " against the proposal "
					+ proposal.outcome() + " needs a written reason");
		}
		var supersedes = checkedSupersedes(patientId, signing);
		var dosePlan = checkedDosePlan(signing);
		var decision = new EligibilityDecision(UUID.randomUUID(), patientId, signing.screeningId(), signing.outcome(),
				signing.reason(), dosePlan, CurrentUser.name(), clock.instant(), supersedes);
		decisions.insert(decision);
		var decided = patients.changeStatus(patientId,
				signing.outcome() == Outcome.CLEARED ? PatientStatus.CLEARED : PatientStatus.DECLINED);
		events.publish(EligibilityDecided.of(decision, patient.fullName(), decided.version()));
		return decision;
	}

	/** The range a clinician signs a plan within, and the mg/kg a new plan starts from. */
	public DoseSettings doseRange() {
		return doseSettings;
	}

	@Transactional(readOnly = true)
	public List<EligibilityDecision> of(UUID patientId) {
		return decisions.of(patientId);
	}

	/** Patients waiting for a clinician's decision, urgent first, then the oldest screening first. */
	@Transactional(readOnly = true)
	public List<ReviewItem> reviewQueue() {
		return reviewQueue.waiting();
	}

	/** The decision the new one supersedes (null for the first), checked against the patient's latest. */
	private UUID checkedSupersedes(UUID patientId, Signing signing) {
		var named = signing.supersedesDecisionId();
		var latest = decisions.latestOf(patientId);
		if (latest.isEmpty()) {
			if (named != null) {
				throw new ConflictException("Patient " + patientId + " has no signed decision to supersede (named "
						+ named + ")");
			}
			return null;
		}
		var current = latest.get().id();
		if (named == null) {
			throw new ConflictException("Patient " + patientId + " already has signed decision " + current
					+ "; a new decision must supersede it: name it in supersedesDecisionId and give a reason");
		}
		if (!named.equals(current)) {
			throw new ConflictException("Decision " + named + " is not the latest decision of patient " + patientId
					+ " (" + current + " is); reload and decide again");
		}
		if (isBlank(signing.reason())) {
			throw new InvalidInputException("reason", "Superseding decision " + current + " needs a written reason");
		}
		return current;
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
		return plan.signedWithin(doseSettings);
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
