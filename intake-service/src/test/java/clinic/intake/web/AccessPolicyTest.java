package clinic.intake.web;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.AccessPolicyConformance;

/**
 * The intake service keeps docs/access-policy.md: its OpenAPI document and its @PreAuthorize rules agree with the
 * table, and each role is answered as its row says, before the body is read.
 */
class AccessPolicyTest extends IntakeIntegrationTest implements AccessPolicyConformance {

	@Override
	public String apiPrefix() {
		return "/api/intake/";
	}
}
