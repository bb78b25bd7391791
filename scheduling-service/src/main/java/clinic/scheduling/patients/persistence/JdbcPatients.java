package clinic.scheduling.patients.persistence;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.Patient;
import clinic.scheduling.patients.Patients;

@Repository
class JdbcPatients implements Patients {

	private final JdbcClient jdbc;

	JdbcPatients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean recordIfNewer(Patient p) {
		return jdbc.sql("""
				insert into patient (id, name, eligibility, version, updated_at)
				values (:id, :name, :eligibility, :version, :updated)
				on conflict (id) do update
				  set name = excluded.name, eligibility = excluded.eligibility, version = excluded.version,
				      updated_at = excluded.updated_at
				  where patient.version < excluded.version""")
			.param("id", p.id())
			.param("name", p.name())
			.param("eligibility", p.eligibility().name())
			.param("version", p.version())
			.param("updated", Timestamp.from(p.updatedAt()))
			.update() == 1;
	}

	@Override
	public Optional<Patient> find(UUID id) {
		return jdbc.sql("select * from patient where id = :id")
			.param("id", id)
			.query((rs, n) -> new Patient(rs.getObject("id", UUID.class), rs.getString("name"),
					Eligibility.valueOf(rs.getString("eligibility")), rs.getLong("version"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}
}
