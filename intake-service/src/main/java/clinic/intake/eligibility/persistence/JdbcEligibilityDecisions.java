package clinic.intake.eligibility.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.eligibility.DosePlan;
import clinic.intake.eligibility.EligibilityDecision;
import clinic.intake.eligibility.EligibilityDecisions;
import clinic.intake.eligibility.Outcome;

@Repository
class JdbcEligibilityDecisions implements EligibilityDecisions {

	private final JdbcClient jdbc;

	JdbcEligibilityDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(EligibilityDecision d) {
		var plan = d.dosePlan();
		jdbc.sql("""
				insert into eligibility_decision (id, patient_id, screening_id, outcome, reason, route, mg_per_kg,
				  min_mg_per_kg, max_mg_per_kg, decided_by, decided_at, supersedes_id)
				values (:id, :patient, :screening, :outcome, :reason, :route, :mgPerKg, :min, :max, :by, :at,
				  :supersedes)""")
			.param("id", d.id())
			.param("patient", d.patientId())
			.param("screening", d.screeningId())
			.param("outcome", d.outcome().name())
			.param("reason", d.reason())
			.param("route", plan == null ? null : plan.route().name())
			.param("mgPerKg", plan == null ? null : plan.mgPerKg(), java.sql.Types.NUMERIC)
			.param("min", plan == null ? null : plan.minMgPerKg(), java.sql.Types.NUMERIC)
			.param("max", plan == null ? null : plan.maxMgPerKg(), java.sql.Types.NUMERIC)
			.param("by", d.decidedBy())
			.param("at", timestamp(d.decidedAt()))
			.param("supersedes", d.supersedesId(), java.sql.Types.OTHER)
			.update();
	}

	@Override
	public List<EligibilityDecision> of(UUID patientId) {
		return jdbc.sql("select * from eligibility_decision where patient_id = :patient order by decided_at, id")
			.param("patient", patientId)
			.query(JdbcEligibilityDecisions::decision)
			.list();
	}

	@Override
	public Optional<EligibilityDecision> latestOf(UUID patientId) {
		return jdbc.sql("""
				select * from eligibility_decision d
				where d.patient_id = :patient
				  and not exists (select 1 from eligibility_decision later where later.supersedes_id = d.id)
				order by d.decided_at desc, d.id
				limit 1""")
			.param("patient", patientId)
			.query(JdbcEligibilityDecisions::decision)
			.optional();
	}

	private static EligibilityDecision decision(ResultSet rs, int row) throws SQLException {
		var route = rs.getString("route");
		var plan = route == null ? null
				: new DosePlan(DosePlan.Route.valueOf(route), rs.getObject("mg_per_kg", BigDecimal.class),
						rs.getObject("min_mg_per_kg", BigDecimal.class), rs.getObject("max_mg_per_kg", BigDecimal.class));
		return new EligibilityDecision(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("screening_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
				rs.getString("reason"), plan, rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getObject("supersedes_id", UUID.class));
	}
}
