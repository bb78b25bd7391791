package clinic.intake.eligibility;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.InvalidInputException;
import clinic.platform.security.CurrentUser;

/** The rules with the thresholds in force, and an administrator's change of those thresholds (a new version). */
@Service
public class RuleSettingsService {

	private final RuleSettingsVersions versions;

	private final Clock clock;

	RuleSettingsService(RuleSettingsVersions versions, Clock clock) {
		this.versions = versions;
		this.clock = clock;
	}

	/** The rules with the newest thresholds; a screening asks for them in its own transaction. */
	@Transactional(readOnly = true)
	public EligibilityRules rules() {
		return new EligibilityRules(versions.current());
	}

	@Transactional(readOnly = true)
	public List<RuleSettingsVersion> history() {
		return versions.all();
	}

	/** Adds a new version of the thresholds; earlier versions and the proposals made with them stay as they are. */
	@Transactional
	public RuleSettingsVersion change(EligibilitySettings settings, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "A change of the rule thresholds needs a reason");
		}
		return versions.add(settings.checked(), CurrentUser.name(), clock.instant(), reason.strip());
	}
}
