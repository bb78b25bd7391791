package clinic.intake.screening.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.eligibility.Outcome;
import clinic.intake.eligibility.Proposal;
import clinic.intake.screening.Phq9;
import clinic.intake.screening.Screening;
import clinic.intake.screening.Screenings;
import clinic.intake.screening.Vitals;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcScreenings implements Screenings {

	private static final TypeReference<List<Proposal.Reason>> REASONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcScreenings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void insert(Screening s) {
		jdbc.sql("""
				insert into screening (id, patient_id, phq9_items, phq9_total, phq9_band, suicide_risk, systolic,
				  diastolic, heart_rate, weight_kg, notes, proposed_outcome, proposal_reasons, screened_by, screened_at)
				values (:id, :patient, :items, :total, :band, :risk, :systolic, :diastolic, :hr, :weight, :notes,
				  :outcome, cast(:reasons as jsonb), :by, :at)""")
			.param("id", s.id())
			.param("patient", s.patientId())
			.param("items", s.phq9().items().toArray(Integer[]::new))
			.param("total", s.phq9().total())
			.param("band", s.phq9().band().name())
			.param("risk", s.phq9().suicideRiskFlag())
			.param("systolic", s.vitals().systolic())
			.param("diastolic", s.vitals().diastolic())
			.param("hr", s.vitals().heartRate())
			.param("weight", s.vitals().weightKg())
			.param("notes", s.notes())
			.param("outcome", s.proposal().outcome().name())
			.param("reasons", json.writeValueAsString(s.proposal().reasons()))
			.param("by", s.screenedBy())
			.param("at", java.sql.Timestamp.from(s.screenedAt()))
			.update();
	}

	@Override
	public Optional<Screening> find(UUID id) {
		return jdbc.sql("select * from screening where id = :id").param("id", id).query(this::screening).optional();
	}

	@Override
	public List<Screening> of(UUID patientId) {
		return jdbc.sql("select * from screening where patient_id = :patient order by screened_at")
			.param("patient", patientId)
			.query(this::screening)
			.list();
	}

	private Screening screening(ResultSet rs, int row) throws SQLException {
		Array items = rs.getArray("phq9_items");
		var answers = Arrays.asList((Integer[]) items.getArray());
		var phq9 = Phq9.score(answers, "phq9");
		var vitals = new Vitals(rs.getInt("systolic"), rs.getInt("diastolic"), rs.getInt("heart_rate"),
				rs.getObject("weight_kg", BigDecimal.class));
		var proposal = new Proposal(Outcome.valueOf(rs.getString("proposed_outcome")),
				json.readValue(rs.getString("proposal_reasons"), REASONS));
		return new Screening(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), phq9, vitals,
				rs.getString("notes"), proposal, rs.getString("screened_by"), rs.getTimestamp("screened_at").toInstant());
	}
}
