package clinic.intake.eligibility;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
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

	/**
	 * Adds a new version of the thresholds; earlier versions and the proposals made with them stay as they are. Made
	 * from {@code basedOnVersion}, the version the administrator read (null: whichever is current), it is refused when
	 * another version was added since, so nobody overwrites a change they have not seen; two changes at the same
	 * moment cannot both take the next version number (its primary key).
	 */
	@Transactional
	public RuleSettingsVersion change(EligibilitySettings settings, String reason, @Nullable Integer basedOnVersion) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "A change of the rule thresholds needs a reason");
		}
		if (basedOnVersion != null) {
			var current = versions.current();
			if (current.version() != basedOnVersion) {
				throw new ConflictException("The rule thresholds are at version " + current.version() + ", not "
						+ basedOnVersion + ": " + current.changedBy() + " changed them since you read them; reload and "
						+ "try again", Map.of("reason", "STALE_VERSION", "currentVersion", current.version()));
			}
		}
		return versions.add(settings.checked(), CurrentUser.name(), clock.instant(), reason.strip());
	}
}
