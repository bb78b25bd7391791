package clinic.session.doseplans.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlans;
import clinic.session.doseplans.PatientDosePlan;
import clinic.session.doseplans.Route;

@Repository
class JdbcDosePlans implements DosePlans {

	private final JdbcClient jdbc;

	JdbcDosePlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfNewer(PatientDosePlan p) {
		var plan = p.dosePlan();
		return jdbc.sql("""
				insert into patient_dose_plan (patient_id, patient_name, decision_id, route, mg_per_kg, min_mg_per_kg,
				  max_mg_per_kg, decided_by, decided_at, aggregate_version)
				values (:patient, :name, :decision, :route, :mgPerKg, :min, :max, :by, :at, :version)
				on conflict (patient_id) do update
				  set patient_name = excluded.patient_name, decision_id = excluded.decision_id,
				      route = excluded.route, mg_per_kg = excluded.mg_per_kg, min_mg_per_kg = excluded.min_mg_per_kg,
				      max_mg_per_kg = excluded.max_mg_per_kg, decided_by = excluded.decided_by,
				      decided_at = excluded.decided_at, aggregate_version = excluded.aggregate_version
				  where patient_dose_plan.aggregate_version < excluded.aggregate_version""")
			.param("patient", p.patientId())
			.param("name", p.patientName())
			.param("decision", p.decisionId())
			.param("route", plan == null ? null : plan.route().name())
			.param("mgPerKg", plan == null ? null : plan.mgPerKg(), Types.NUMERIC)
			.param("min", plan == null ? null : plan.minMgPerKg(), Types.NUMERIC)
			.param("max", plan == null ? null : plan.maxMgPerKg(), Types.NUMERIC)
			.param("by", p.decidedBy())
			.param("at", timestamp(p.decidedAt()))
			.param("version", p.aggregateVersion())
			.update() == 1;
	}

	@Override
	public Optional<PatientDosePlan> of(UUID patientId) {
		return jdbc.sql("select * from patient_dose_plan where patient_id = :patient")
			.param("patient", patientId)
			.query(JdbcDosePlans::plan)
			.optional();
	}

	private static PatientDosePlan plan(ResultSet rs, int row) throws SQLException {
		var route = rs.getString("route");
		var plan = route == null ? null
				: new DosePlan(Route.valueOf(route), rs.getObject("mg_per_kg", BigDecimal.class),
						rs.getObject("min_mg_per_kg", BigDecimal.class), rs.getObject("max_mg_per_kg", BigDecimal.class));
		return new PatientDosePlan(rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
				rs.getObject("decision_id", UUID.class), plan, rs.getString("decided_by"),
				instant(rs, "decided_at"), rs.getLong("aggregate_version"));
	}
}
