package clinic.scheduling;

import java.util.List;

import clinic.platform.test.ApplicationRoleGuarantees;

/**
 * Scheduling runs as an application role that owns nothing: the revision history of the clinic's resources, like
 * the audit log, can only be added to and read.
 */
class ApplicationRoleTest extends SchedulingIntegrationTest implements ApplicationRoleGuarantees {

	@Override
	public List<String> finalRecords() {
		return List.of("resource_revision");
	}
}
