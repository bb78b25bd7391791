package clinic.session.web;

import clinic.session.SessionIntegrationTest;
import clinic.platform.test.AccessPolicyConformance;

/**
 * The session service keeps docs/access-policy.md: its OpenAPI document and its @PreAuthorize rules agree with the
 * table, and each role is answered as its row says, before the body is read.
 */
class AccessPolicyTest extends SessionIntegrationTest implements AccessPolicyConformance {

	@Override
	public String apiPrefix() {
		return "/api/session/";
	}
}
