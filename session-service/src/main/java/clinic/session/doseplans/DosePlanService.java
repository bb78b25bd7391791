package clinic.session.doseplans;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each patient's dose plan as the latest signed eligibility decision has it. */
@Service
public class DosePlanService {

	private static final Logger log = LoggerFactory.getLogger(DosePlanService.class);

	private final DosePlans plans;

	DosePlanService(DosePlans plans) {
		this.plans = plans;
	}

	/** A signed eligibility decision as intake published it. */
	public record Decision(UUID patientId, String patientName, UUID decisionId, boolean cleared, DosePlan dosePlan,
			String decidedBy, Instant decidedAt, long aggregateVersion) {
	}

	/** Cleared with a plan: the plan applies. Declined: whatever plan there was is withdrawn. */
	@Transactional
	public boolean decided(Decision decision) {
		var plan = decision.cleared() ? decision.dosePlan() : null;
		var stored = plans.saveIfNewer(new PatientDosePlan(decision.patientId(), decision.patientName(),
				decision.decisionId(), plan, decision.decidedBy(), decision.decidedAt(), decision.aggregateVersion()));
		if (!stored) {
			log.info("Eligibility decision {} (patient {} version {}) is not newer than the one kept; dropped",
					decision.decisionId(), decision.patientId(), decision.aggregateVersion());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Optional<PatientDosePlan> of(UUID patientId) {
		return plans.of(patientId);
	}

	/** The plan to dose by, if the patient's latest decision cleared them. */
	@Transactional(readOnly = true)
	public Optional<DosePlan> current(UUID patientId) {
		return plans.of(patientId).flatMap(PatientDosePlan::plan);
	}
}
