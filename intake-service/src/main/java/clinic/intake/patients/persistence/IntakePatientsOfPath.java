package clinic.intake.patients.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import clinic.platform.audit.SqlPatientsOfPath;

/**
 * The patient of a path that names a referral (FHIR's {@code ServiceRequest/{referralId}}), for the audit trail of
 * the calls whose answer does not name one: a refused or failed read.
 */
@Component
class IntakePatientsOfPath extends SqlPatientsOfPath {

	IntakePatientsOfPath(JdbcClient jdbc) {
		super(jdbc, Map.of("/fhir/ServiceRequest/{referralId}", "select patient_id from referral where id = ?"));
	}
}
