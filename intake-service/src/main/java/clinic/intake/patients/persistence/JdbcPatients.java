package clinic.intake.patients.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.patients.Indication;
import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientStatus;
import clinic.intake.patients.Patients;
import clinic.intake.patients.Referral;
import clinic.platform.problems.ConflictException;

@Repository
class JdbcPatients implements Patients {

	private final JdbcClient jdbc;

	JdbcPatients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String nextMrn() {
		long next = jdbc.sql("select nextval('patient_mrn_seq')").query(Long.class).single();
		return "MRN-%06d".formatted(next);
	}

	@Override
	public void insert(Patient p) {
		jdbc.sql("""
				insert into patient (id, mrn, given_name, family_name, birth_date, phone, status, version, created_at)
				values (:id, :mrn, :given, :family, :birth, :phone, :status, :version, :created)""")
			.param("id", p.id())
			.param("mrn", p.mrn())
			.param("given", p.givenName())
			.param("family", p.familyName())
			.param("birth", p.birthDate())
			.param("phone", p.phone())
			.param("status", p.status().name())
			.param("version", p.version())
			.param("created", java.sql.Timestamp.from(p.createdAt()))
			.update();
	}

	@Override
	public void update(Patient p) {
		int updated = jdbc.sql("""
				update patient set given_name = :given, family_name = :family, birth_date = :birth, phone = :phone,
				       status = :status, version = :version
				where id = :id and version = :previous""")
			.param("id", p.id())
			.param("given", p.givenName())
			.param("family", p.familyName())
			.param("birth", p.birthDate())
			.param("phone", p.phone())
			.param("status", p.status().name())
			.param("version", p.version())
			.param("previous", p.version() - 1)
			.update();
		if (updated != 1) {
			throw new ConflictException("Patient " + p.id() + " was changed by someone else; reload and try again");
		}
	}

	@Override
	public Optional<Patient> find(UUID id) {
		return jdbc.sql("select * from patient where id = :id").param("id", id).query(JdbcPatients::patient).optional();
	}

	@Override
	public List<Patient> search(String query, int limit) {
		var pattern = "%" + query.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				select * from patient
				where :query = '' or lower(given_name || ' ' || family_name) like :pattern
				   or lower(family_name || ' ' || given_name) like :pattern
				   or lower(mrn) like :pattern or phone like :pattern or cast(birth_date as text) = :query
				order by family_name, given_name limit :limit""")
			.param("query", query)
			.param("pattern", pattern)
			.param("limit", limit)
			.query(JdbcPatients::patient)
			.list();
	}

	@Override
	public void insert(Referral r) {
		jdbc.sql("""
				insert into referral (id, patient_id, referring_clinician, reason, indication, state, received_at)
				values (:id, :patient, :clinician, :reason, :indication, :state, :received)""")
			.param("id", r.id())
			.param("patient", r.patientId())
			.param("clinician", r.referringClinician())
			.param("reason", r.reason())
			.param("indication", r.indication().name())
			.param("state", r.state())
			.param("received", java.sql.Timestamp.from(r.receivedAt()))
			.update();
	}

	@Override
	public List<Referral> referralsOf(UUID patientId) {
		return jdbc.sql("select * from referral where patient_id = :patient order by received_at")
			.param("patient", patientId)
			.query((rs, n) -> new Referral(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("referring_clinician"), rs.getString("reason"),
					Indication.valueOf(rs.getString("indication")), rs.getString("state"),
					rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	private static Patient patient(ResultSet rs, int row) throws SQLException {
		return new Patient(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("given_name"),
				rs.getString("family_name"), rs.getDate("birth_date").toLocalDate(), rs.getString("phone"),
				PatientStatus.valueOf(rs.getString("status")), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant());
	}
}
