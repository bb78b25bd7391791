package clinic.platform.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only record of who read or changed what, when, and with which outcome. The table refuses updates
 * and deletes (a trigger in the platform migration), so the application cannot rewrite it.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String actor, String action, String resource, @Nullable UUID patientId, int outcome) {
		jdbc.sql("""
				insert into audit_log (at, actor, action, resource, patient_id, outcome)
				values (now(), :actor, :action, :resource, :patientId, :outcome)""")
			.param("actor", actor)
			.param("action", action)
			.param("resource", resource)
			.param("patientId", patientId)
			.param("outcome", outcome)
			.update();
	}
}
