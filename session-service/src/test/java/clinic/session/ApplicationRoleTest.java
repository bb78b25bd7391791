package clinic.session;

import java.util.List;

import clinic.platform.test.ApplicationRoleGuarantees;

/**
 * Session runs as an application role that owns nothing: what a session record holds once written (vitals, side
 * effects, CADSS scores, adverse events, addenda), like the audit log, can only be added to and read; a record and its
 * alerts change until the record is signed (a trigger keeps it final then) and are never removed.
 */
class ApplicationRoleTest extends SessionIntegrationTest implements ApplicationRoleGuarantees {

	@Override
	public List<String> finalRecords() {
		return List.of("vitals_reading", "side_effect", "cadss_score", "adverse_event", "session_addendum");
	}

	@Override
	public List<String> recordsNeverRemoved() {
		return List.of("session_record", "session_alert");
	}
}
