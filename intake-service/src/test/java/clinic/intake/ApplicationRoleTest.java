package clinic.intake;

import java.util.List;

import clinic.platform.test.ApplicationRoleGuarantees;

/**
 * Intake runs as an application role that owns nothing: signed eligibility decisions and the versions of the rule
 * settings, like the audit log, can only be added to and read.
 */
class ApplicationRoleTest extends IntakeIntegrationTest implements ApplicationRoleGuarantees {

	@Override
	public List<String> finalRecords() {
		return List.of("eligibility_decision", "rule_settings_version");
	}
}
