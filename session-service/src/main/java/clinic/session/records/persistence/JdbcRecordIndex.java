package clinic.session.records.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.records.RecordIndex;

@Repository
class JdbcRecordIndex implements RecordIndex {

	private final JdbcClient jdbc;

	JdbcRecordIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<UUID> ofPatient(UUID patientId, int limit) {
		return jdbc.sql("""
				select id from session_record where patient_id = :patient order by opened_at desc, id limit :limit""")
			.param("patient", patientId)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	@Override
	public List<UUID> withoutClinicianSignature(int limit) {
		return jdbc.sql("""
				select id from session_record where status = 'IN_PROGRESS' and clinician_signed_at is null
				order by opened_at, id limit :limit""")
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}
}
