package clinic.intake.eligibility;

import java.time.Instant;
import java.util.List;

/** Where the versions of the rule thresholds are kept (insert only; the newest is in force). */
public interface RuleSettingsVersions {

	RuleSettingsVersion current();

	/** Adds the settings as the next version and returns it. */
	RuleSettingsVersion add(EligibilitySettings settings, String changedBy, Instant changedAt, String reason);

	List<RuleSettingsVersion> all();
}
