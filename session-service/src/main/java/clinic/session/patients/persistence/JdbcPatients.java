package clinic.session.patients.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.patients.Patient;
import clinic.session.patients.Patients;

@Repository
class JdbcPatients implements Patients {

	private final JdbcClient jdbc;

	JdbcPatients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfNewer(Patient p) {
		return jdbc.sql("""
				insert into patient (patient_id, mrn, given_name, family_name, aggregate_version)
				values (:id, :mrn, :given, :family, :version)
				on conflict (patient_id) do update
				  set mrn = excluded.mrn, given_name = excluded.given_name, family_name = excluded.family_name,
				      aggregate_version = excluded.aggregate_version
				  where patient.aggregate_version < excluded.aggregate_version""")
			.param("id", p.patientId())
			.param("mrn", p.mrn())
			.param("given", p.givenName())
			.param("family", p.familyName())
			.param("version", p.aggregateVersion())
			.update() == 1;
	}

	@Override
	public Map<UUID, Patient> of(Collection<UUID> patientIds) {
		return jdbc.sql("select * from patient where patient_id in (:ids)")
			.param("ids", patientIds)
			.query((rs, n) -> new Patient(rs.getObject("patient_id", UUID.class), rs.getString("mrn"),
					rs.getString("given_name"), rs.getString("family_name"), rs.getLong("aggregate_version")))
			.list()
			.stream()
			.collect(Collectors.toMap(Patient::patientId, Function.identity()));
	}
}
