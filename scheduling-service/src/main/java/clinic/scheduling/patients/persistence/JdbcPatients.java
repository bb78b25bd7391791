package clinic.scheduling.patients.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.Patient;
import clinic.scheduling.patients.Patients;
import clinic.scheduling.patients.RegisteredPatient;

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
			.param("updated", timestamp(p.updatedAt()))
			.update() == 1;
	}

	@Override
	public Optional<Patient> find(UUID id) {
		return jdbc.sql("select * from patient where id = :id")
			.param("id", id)
			.query((rs, n) -> new Patient(rs.getObject("id", UUID.class), rs.getString("name"),
					Eligibility.valueOf(rs.getString("eligibility")), rs.getLong("version"),
					instant(rs, "updated_at")))
			.optional();
	}

	@Override
	public boolean registerIfNewer(RegisteredPatient p) {
		return jdbc.sql("""
				insert into registered_patient (id, mrn, given_name, family_name, birth_date, version, updated_at)
				values (:id, :mrn, :given, :family, :birth, :version, :updated)
				on conflict (id) do update
				  set mrn = excluded.mrn, given_name = excluded.given_name, family_name = excluded.family_name,
				      birth_date = excluded.birth_date, version = excluded.version, updated_at = excluded.updated_at
				  where registered_patient.version < excluded.version""")
			.param("id", p.id())
			.param("mrn", p.mrn())
			.param("given", p.givenName())
			.param("family", p.familyName())
			.param("birth", p.birthDate())
			.param("version", p.version())
			.param("updated", timestamp(p.updatedAt()))
			.update() == 1;
	}

	@Override
	public Optional<RegisteredPatient> findRegistered(UUID id) {
		return jdbc.sql("select * from registered_patient where id = :id")
			.param("id", id)
			.query((rs, n) -> new RegisteredPatient(rs.getObject("id", UUID.class), rs.getString("mrn"),
					rs.getString("given_name"), rs.getString("family_name"),
					rs.getObject("birth_date", java.time.LocalDate.class), rs.getLong("version"),
					instant(rs, "updated_at")))
			.optional();
	}

	@Override
	public boolean recordReferral(KnownReferral r) {
		return jdbc.sql("""
				insert into patient_referral (id, patient_id, referring_clinician, indication, received_at)
				values (:id, :patient, :clinician, :indication, :received)
				on conflict (id) do nothing""")
			.param("id", r.id())
			.param("patient", r.patientId())
			.param("clinician", r.referringClinician())
			.param("indication", r.indication())
			.param("received", timestamp(r.receivedAt()))
			.update() == 1;
	}

	@Override
	public boolean hasReferral(UUID patientId) {
		return jdbc.sql("select exists (select 1 from patient_referral where patient_id = :patient)")
			.param("patient", patientId)
			.query(Boolean.class)
			.single();
	}
}
