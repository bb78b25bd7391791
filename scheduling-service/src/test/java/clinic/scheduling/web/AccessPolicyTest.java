package clinic.scheduling.web;

import clinic.scheduling.SchedulingIntegrationTest;
import clinic.platform.test.AccessPolicyConformance;

/**
 * The scheduling service keeps docs/access-policy.md: its OpenAPI document and its @PreAuthorize rules agree with the
 * table, and each role is answered as its row says, before the body is read.
 */
class AccessPolicyTest extends SchedulingIntegrationTest implements AccessPolicyConformance {

	@Override
	public String apiPrefix() {
		return "/api/scheduling/";
	}
}
