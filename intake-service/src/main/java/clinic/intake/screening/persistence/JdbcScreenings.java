package clinic.intake.screening.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.instruments.Cssrs;
import clinic.instruments.Gad7;
import clinic.instruments.Pcl5;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.eligibility.Outcome;
import clinic.intake.eligibility.Proposal;
import clinic.intake.patients.Found;
import clinic.intake.patients.Indication;
import clinic.intake.screening.AnsweredQuestionnaire;
import clinic.intake.screening.QuestionnaireCriteria;
import clinic.intake.screening.Screening;
import clinic.intake.screening.Screenings;
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
		var gad7 = s.gad7();
		var pcl5 = s.pcl5();
		var cssrs = s.cssrs();
		jdbc.sql("""
				insert into screening (id, patient_id, phq9_items, phq9_total, phq9_band, suicide_risk, gad7_items,
				  gad7_total, gad7_band, pcl5_items, pcl5_total, pcl5_cutoff, pcl5_probable_ptsd, cssrs_q1, cssrs_q2,
				  cssrs_q3, cssrs_q4, cssrs_q5, cssrs_q6, cssrs_high_risk, urgent, systolic, diastolic, heart_rate,
				  weight_kg, clinical_history, indication, notes, proposed_outcome, proposal_reasons, rules_version,
				  screened_by, screened_at)
				values (:id, :patient, :items, :total, :band, :risk, :gad7Items, :gad7Total, :gad7Band, :pcl5Items,
				  :pcl5Total, :pcl5Cutoff, :pcl5Ptsd, :q1, :q2, :q3, :q4, :q5, :q6, :cssrsHigh, :urgent, :systolic,
				  :diastolic, :hr, :weight, cast(:history as jsonb), :indication, :notes, :outcome,
				  cast(:reasons as jsonb), :rulesVersion, :by, :at)""")
			.param("id", s.id())
			.param("patient", s.patientId())
			.param("items", s.phq9().items().toArray(Integer[]::new))
			.param("total", s.phq9().total())
			.param("band", s.phq9().band().name())
			.param("risk", s.phq9().suicideRiskFlag())
			.param("gad7Items", items(gad7 == null ? null : gad7.items()))
			.param("gad7Total", gad7 == null ? null : gad7.total(), Types.INTEGER)
			.param("gad7Band", gad7 == null ? null : gad7.band().name(), Types.VARCHAR)
			.param("pcl5Items", items(pcl5 == null ? null : pcl5.items()))
			.param("pcl5Total", pcl5 == null ? null : pcl5.total(), Types.INTEGER)
			.param("pcl5Cutoff", pcl5 == null ? null : pcl5.cutoff(), Types.INTEGER)
			.param("pcl5Ptsd", pcl5 == null ? null : pcl5.probablePtsd(), Types.BOOLEAN)
			.param("q1", cssrs == null ? null : cssrs.q1(), Types.BOOLEAN)
			.param("q2", cssrs == null ? null : cssrs.q2(), Types.BOOLEAN)
			.param("q3", cssrs == null ? null : cssrs.q3(), Types.BOOLEAN)
			.param("q4", cssrs == null ? null : cssrs.q4(), Types.BOOLEAN)
			.param("q5", cssrs == null ? null : cssrs.q5(), Types.BOOLEAN)
			.param("q6", cssrs == null ? null : cssrs.q6(), Types.BOOLEAN)
			.param("cssrsHigh", cssrs == null ? null : cssrs.highRisk(), Types.BOOLEAN)
			.param("urgent", s.urgent())
			.param("systolic", s.vitals().systolic())
			.param("diastolic", s.vitals().diastolic())
			.param("hr", s.vitals().heartRate())
			.param("weight", s.vitals().weightKg())
			.param("history", json.writeValueAsString(s.history()))
			.param("indication", s.indication() == null ? null : s.indication().name(), Types.VARCHAR)
			.param("notes", s.notes())
			.param("outcome", s.proposal().outcome().name())
			.param("reasons", json.writeValueAsString(s.proposal().reasons()))
			.param("rulesVersion", s.proposal().rulesVersion(), Types.INTEGER)
			.param("by", s.screenedBy())
			.param("at", timestamp(s.screenedAt()))
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

	@Override
	public Found<AnsweredQuestionnaire> answered(QuestionnaireCriteria criteria, int offset, int limit) {
		var conditions = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		if (criteria.patientId() != null) {
			conditions.add("s.patient_id = :patient");
			params.put("patient", criteria.patientId());
		}
		if (criteria.from() != null) {
			conditions.add("s.screened_at >= :from");
			params.put("from", timestamp(criteria.from()));
		}
		if (criteria.before() != null) {
			conditions.add("s.screened_at < :before");
			params.put("before", timestamp(criteria.before()));
		}
		if (!criteria.instruments().isEmpty()) {
			conditions.add("q.instrument in (:instruments)");
			params.put("instruments", criteria.instruments());
		}
		// each screening's questionnaires: PHQ-9 always, GAD-7 and PCL-5 when given
		var from = """
				 from screening s join (values ('PHQ-9', 'phq9'), ('GAD-7', 'gad7'), ('PCL-5', 'pcl5')) q (instrument, slug)
				   on q.instrument = 'PHQ-9' or (q.instrument = 'GAD-7' and s.gad7_items is not null)
				   or (q.instrument = 'PCL-5' and s.pcl5_items is not null)""";
		var where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
		var items = jdbc.sql("select s.*, q.instrument as questionnaire " + from + where + " " + """
				 order by date_trunc('milliseconds', s.screened_at), (q.slug || '-' || s.id::text) collate "C"
				 offset :offset limit :limit""")
			.params(params)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new AnsweredQuestionnaire(screening(rs, n), rs.getString("questionnaire")))
			.list();
		return new Found<>(items, total);
	}

	private Screening screening(ResultSet rs, int row) throws SQLException {
		Array items = rs.getArray("phq9_items");
		var answers = Arrays.asList((Integer[]) items.getArray());
		var phq9 = Phq9.score(answers, "phq9");
		var gad7 = rs.getArray("gad7_items") == null ? null
				: Gad7.score(Arrays.asList((Integer[]) rs.getArray("gad7_items").getArray()), "gad7");
		var pcl5 = rs.getArray("pcl5_items") == null ? null
				: Pcl5.score(Arrays.asList((Integer[]) rs.getArray("pcl5_items").getArray()), rs.getInt("pcl5_cutoff"),
						"pcl5");
		var cssrs = rs.getObject("cssrs_q1") == null ? null
				: Cssrs.score(bool(rs, "cssrs_q1"), bool(rs, "cssrs_q2"), bool(rs, "cssrs_q3"), bool(rs, "cssrs_q4"),
						bool(rs, "cssrs_q5"), bool(rs, "cssrs_q6"), "cssrs");
		var vitals = new Vitals(rs.getInt("systolic"), rs.getInt("diastolic"), rs.getInt("heart_rate"),
				rs.getObject("weight_kg", BigDecimal.class));
		var proposal = new Proposal(Outcome.valueOf(rs.getString("proposed_outcome")),
				json.readValue(rs.getString("proposal_reasons"), REASONS), rs.getObject("rules_version", Integer.class));
		var historyJson = rs.getString("clinical_history");
		var history = historyJson == null ? ClinicalHistory.NONE : json.readValue(historyJson, ClinicalHistory.class);
		var indication = rs.getString("indication");
		return new Screening(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), phq9, gad7, pcl5,
				cssrs, rs.getBoolean("urgent"), vitals, history, indication == null ? null : Indication.valueOf(indication),
				rs.getString("notes"), proposal, rs.getString("screened_by"), instant(rs, "screened_at"));
	}

	/** An INT[] parameter, or a typed SQL null. */
	private static SqlParameterValue items(List<Integer> items) {
		return items == null ? new SqlParameterValue(Types.ARRAY, null)
				: new SqlParameterValue(SqlTypeValue.TYPE_UNKNOWN, items.toArray(Integer[]::new));
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Boolean.class);
	}
}
