package clinic.session.records.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.platform.jdbc.OptimisticLock;
import clinic.platform.jdbc.RecordParameters;
import clinic.platform.problems.ConflictException;
import clinic.session.discharge.DischargeChecklist;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;
import clinic.session.dosing.Dosing;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.AlertAction;
import clinic.session.monitoring.AlertResponse;
import clinic.session.monitoring.Breach;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.Questionnaires;
import clinic.session.monitoring.Severity;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.SideEffectKind;
import clinic.session.monitoring.VitalsReading;
import clinic.session.path.CourseOrderOverride;
import clinic.session.path.GateFacts;
import clinic.session.records.Addendum;
import clinic.session.records.AdverseEvent;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.CheckIn;
import clinic.session.records.InfusionEnd;
import clinic.session.records.PreDoseClearance;
import clinic.session.records.SessionRecord;
import clinic.session.records.SessionRecords;
import clinic.session.records.SessionStatus;
import clinic.session.records.Signature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcSessionRecords implements SessionRecords {

	private static final TypeReference<List<Breach>> BREACHES = new TypeReference<>() {
	};

	private static final TypeReference<List<Integer>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcSessionRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void insert(SessionRecord r) {
		jdbc.sql("""
				insert into session_record (id, appointment_id, patient_id, patient_name, status, route, mg_per_kg,
				  min_mg_per_kg, max_mg_per_kg, decision_id, opened_by, opened_at, order_override_reason,
				  order_override_by, order_override_at, version)
				values (:id, :appointmentId, :patientId, :patientName, :status, :dosePlan.route, :dosePlan.mgPerKg,
				  :dosePlan.minMgPerKg, :dosePlan.maxMgPerKg, :decisionId, :openedBy, :openedAt,
				  :orderOverride.reason, :orderOverride.overriddenBy, :orderOverride.overriddenAt, :version)""")
			.paramSource(RecordParameters.of(r))
			.update();
	}

	@Override
	public void lockPatient(UUID patientId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:patient as text), 7))")
			.param("patient", patientId.toString())
			.query((rs, n) -> 1)
			.list();
	}

	@Override
	public void update(SessionRecord r) {
		var phq9 = r.checkIn() == null ? null : r.checkIn().phq9();
		var completion = r.completion();
		int updated = jdbc.sql("""
				update session_record set status = :status, version = :version, notes = :notes,
				  checked_in_by = :checkIn.checkedInBy, checked_in_at = :checkIn.checkedInAt,
				  identity_confirmed = :checkIn.identityConfirmed, escort_confirmed = :checkIn.escortConfirmed,
				  escort_name = :checkIn.escortName, fasting = :checkIn.fasting,
				  medication_changes = :checkIn.medicationChanges, phq9_items = cast(:phq9Items as jsonb),
				  phq9_total = :checkIn.phq9.total,
				  bp_reading_taken_at = :preDoseClearance.readingTakenAt, bp_cleared_by = :preDoseClearance.clearedBy,
				  bp_cleared_at = :preDoseClearance.clearedAt, bp_clearance_reason = :preDoseClearance.reason,
				  weight_kg = :dosing.weightKg, planned_dose_mg = :dosing.plannedDoseMg, dose_mg = :dosing.doseMg,
				  infusion_rate_mg_per_h = :dosing.infusionRateMgPerHour, drug_lot = :dosing.drugLot,
				  prepared_by = :dosing.preparedBy, administered_by = :dosing.administeredBy,
				  dosed_at = :dosing.administeredAt,
				  infusion_ended_by = :infusionEnd.endedBy, infusion_ended_at = :infusionEnd.endedAt,
				  infusion_end_reason = :infusionEnd.reason,
				  vitals_near_baseline = :discharge.vitalsNearBaseline, alert_and_oriented = :discharge.alertAndOriented,
				  steady_gait = :discharge.steadyGait, escort_present = :discharge.escortPresent,
				  instructions_given = :discharge.instructionsGiven,
				  discharge_checked_by = :discharge.checkedBy, discharge_checked_at = :discharge.checkedAt,
				  nurse_signed_by = :nurseSignature.signedBy, nurse_signed_at = :nurseSignature.signedAt,
				  clinician_signed_by = :clinicianSignature.signedBy, clinician_signed_at = :clinicianSignature.signedAt,
				  completed_by = :completedBy, completed_at = :completedAt
				where id = :id and version = :previous""")
			.paramSource(RecordParameters.of(r)
				.with("previous", r.version() - 1)
				.with("phq9Items", phq9 == null ? null : json.writeValueAsString(phq9.items()))
				.with("completedBy", completion == null ? null : completion.signedBy())
				.with("completedAt", completion == null ? null : timestamp(completion.signedAt())))
			.update();
		OptimisticLock.requireOneUpdated(updated, "Session record " + r.id());
	}

	@Override
	public void insert(UUID recordId, VitalsReading v) {
		jdbc.sql("""
				insert into vitals_reading (session_id, taken_at, taken_by, phase, systolic, diastolic, heart_rate, spo2,
				  respiratory_rate, breaches)
				values (:session, :at, :by, :phase, :systolic, :diastolic, :hr, :spo2, :rr, cast(:breaches as jsonb))""")
			.param("session", recordId)
			.param("at", timestamp(v.takenAt()))
			.param("by", v.takenBy())
			.param("phase", v.phase().name())
			.param("systolic", v.systolic())
			.param("diastolic", v.diastolic())
			.param("hr", v.heartRate())
			.param("spo2", v.spo2())
			.param("rr", v.respiratoryRate())
			.param("breaches", json.writeValueAsString(v.breaches()))
			.update();
	}

	@Override
	public void insert(UUID recordId, Alert a) {
		jdbc.sql("""
				insert into session_alert (id, session_id, raised_at, phase, breaches)
				values (:id, :session, :at, :phase, cast(:breaches as jsonb))""")
			.param("id", a.id())
			.param("session", recordId)
			.param("at", timestamp(a.raisedAt()))
			.param("phase", a.phase().name())
			.param("breaches", json.writeValueAsString(a.breaches()))
			.update();
	}

	@Override
	public void answered(UUID recordId, Alert a) {
		var r = a.response();
		int updated = jdbc.sql("""
				update session_alert set action = :action, action_reason = :reason, action_by = :by, action_at = :at
				where id = :id and session_id = :session and action is null""")
			.param("id", a.id())
			.param("session", recordId)
			.param("action", r.action().name())
			.param("reason", r.reason())
			.param("by", r.respondedBy())
			.param("at", timestamp(r.respondedAt()))
			.update();
		if (updated != 1) {
			throw new ConflictException("Alert " + a.id() + " was answered by someone else; reload");
		}
	}

	@Override
	public void insert(UUID recordId, SideEffect e) {
		jdbc.sql("""
				insert into side_effect (session_id, recorded_at, recorded_by, effect, severity, note)
				values (:session, :at, :by, :effect, :severity, :note)""")
			.param("session", recordId)
			.param("at", timestamp(e.recordedAt()))
			.param("by", e.recordedBy())
			.param("effect", e.effect().name())
			.param("severity", e.severity().name())
			.param("note", e.note())
			.update();
	}

	@Override
	public void insert(UUID recordId, Cadss6 s) {
		jdbc.sql("""
				insert into cadss_score (session_id, recorded_at, recorded_by, items, total)
				values (:session, :at, :by, cast(:items as jsonb), :total)""")
			.param("session", recordId)
			.param("at", timestamp(s.recordedAt()))
			.param("by", s.recordedBy())
			.param("items", json.writeValueAsString(s.items()))
			.param("total", s.total())
			.update();
	}

	@Override
	public void insert(UUID recordId, AdverseEvent e) {
		jdbc.sql("""
				insert into adverse_event (id, session_id, reported_at, reported_by, grade, description)
				values (:id, :session, :at, :by, :grade, :description)""")
			.param("id", e.id())
			.param("session", recordId)
			.param("at", timestamp(e.reportedAt()))
			.param("by", e.reportedBy())
			.param("grade", e.grade().name())
			.param("description", e.description())
			.update();
	}

	@Override
	public void insert(UUID recordId, Addendum a) {
		jdbc.sql("""
				insert into session_addendum (id, session_id, written_at, written_by, text)
				values (:id, :session, :at, :by, :text)""")
			.param("id", a.id())
			.param("session", recordId)
			.param("at", timestamp(a.writtenAt()))
			.param("by", a.writtenBy())
			.param("text", a.text())
			.update();
	}

	@Override
	public Optional<Long> versionForChange(UUID id) {
		var patient = jdbc.sql("select patient_id from session_record where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional();
		if (patient.isEmpty()) {
			return Optional.empty();
		}
		lockPatient(patient.get());
		return jdbc.sql("select version from session_record where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	@Override
	public Optional<Long> version(UUID id) {
		return jdbc.sql("select version from session_record where id = :id").param("id", id).query(Long.class).optional();
	}

	@Override
	public Optional<SessionRecord> find(UUID id) {
		var entries = entries(id);
		return jdbc.sql("select * from session_record where id = :id")
			.param("id", id)
			.query((rs, n) -> record(rs, entries))
			.optional();
	}

	@Override
	public Map<UUID, UUID> recordIdsByAppointment(Collection<UUID> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select appointment_id, id from session_record where appointment_id in (:appointments)")
			.param("appointments", appointmentIds)
			.query((rs, n) -> Map.entry(rs.getObject("appointment_id", UUID.class), rs.getObject("id", UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public Set<UUID> dosedAppointments(Collection<UUID> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select appointment_id from session_record where appointment_id in (:appointments)
				and dosed_at is not null""")
			.param("appointments", appointmentIds)
			.query(UUID.class)
			.list());
	}

	@Override
	public Optional<GateFacts.LastDose> lastDose(UUID patientId, @Nullable UUID exceptRecordId) {
		return jdbc.sql("""
				select id, dosed_at from session_record
				where patient_id = :patient and dosed_at is not null and id is distinct from :except
				order by dosed_at desc limit 1""")
			.param("patient", patientId)
			.param("except", exceptRecordId, Types.OTHER)
			.query((rs, n) -> new GateFacts.LastDose(instant(rs, "dosed_at"), rs.getObject("id", UUID.class)))
			.optional();
	}

	/** What was added to a record over time, each list in the order it was recorded. */
	private record Entries(List<VitalsReading> vitals, List<Alert> alerts, List<SideEffect> sideEffects,
			List<Cadss6> cadss, List<AdverseEvent> adverseEvents, List<Addendum> addenda) {
	}

	private Entries entries(UUID id) {
		return new Entries(
				jdbc.sql("select * from vitals_reading where session_id = :id order by taken_at, id")
					.param("id", id)
					.query(this::reading)
					.list(),
				jdbc.sql("select * from session_alert where session_id = :id order by position")
					.param("id", id)
					.query(this::alert)
					.list(),
				jdbc.sql("select * from side_effect where session_id = :id order by recorded_at, id")
					.param("id", id)
					.query((rs, n) -> new SideEffect(SideEffectKind.valueOf(rs.getString("effect")),
							Severity.valueOf(rs.getString("severity")), rs.getString("note"),
							rs.getString("recorded_by"), instant(rs, "recorded_at")))
					.list(),
				jdbc.sql("select * from cadss_score where session_id = :id order by recorded_at, id")
					.param("id", id)
					.query((rs, n) -> new Cadss6(json.readValue(rs.getString("items"), ITEMS),
							rs.getString("recorded_by"), instant(rs, "recorded_at")))
					.list(),
				jdbc.sql("select * from adverse_event where session_id = :id order by position")
					.param("id", id)
					.query((rs, n) -> new AdverseEvent(rs.getObject("id", UUID.class),
							AdverseEventGrade.valueOf(rs.getString("grade")), rs.getString("description"),
							rs.getString("reported_by"), instant(rs, "reported_at")))
					.list(),
				jdbc.sql("select * from session_addendum where session_id = :id order by position")
					.param("id", id)
					.query((rs, n) -> new Addendum(rs.getObject("id", UUID.class), rs.getString("text"),
							rs.getString("written_by"), instant(rs, "written_at")))
					.list());
	}

	private VitalsReading reading(ResultSet rs, int row) throws SQLException {
		return new VitalsReading(instant(rs, "taken_at"), rs.getString("taken_by"), Phase.valueOf(rs.getString("phase")),
				rs.getInt("systolic"), rs.getInt("diastolic"), rs.getInt("heart_rate"), rs.getInt("spo2"),
				rs.getInt("respiratory_rate"), json.readValue(rs.getString("breaches"), BREACHES));
	}

	private Alert alert(ResultSet rs, int row) throws SQLException {
		var action = rs.getString("action");
		var response = action == null ? null
				: new AlertResponse(AlertAction.valueOf(action), rs.getString("action_reason"),
						rs.getString("action_by"), instant(rs, "action_at"));
		return new Alert(rs.getObject("id", UUID.class), instant(rs, "raised_at"), Phase.valueOf(rs.getString("phase")),
				json.readValue(rs.getString("breaches"), BREACHES), response);
	}

	private SessionRecord record(ResultSet rs, Entries e) throws SQLException {
		return new SessionRecord(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
				SessionStatus.valueOf(rs.getString("status")),
				new DosePlan(Route.valueOf(rs.getString("route")), rs.getObject("mg_per_kg", BigDecimal.class),
						rs.getObject("min_mg_per_kg", BigDecimal.class), rs.getObject("max_mg_per_kg", BigDecimal.class)),
				rs.getObject("decision_id", UUID.class), rs.getString("opened_by"), instant(rs, "opened_at"),
				orderOverride(rs), checkIn(rs), clearance(rs), dosing(rs),
				rs.getTimestamp("infusion_ended_at") == null ? null
						: new InfusionEnd(rs.getString("infusion_ended_by"), instant(rs, "infusion_ended_at"),
								rs.getString("infusion_end_reason")),
				discharge(rs), signature(rs, "nurse_signed"), signature(rs, "clinician_signed"), rs.getString("notes"),
				e.vitals(), e.alerts(), e.sideEffects(), e.cadss(), e.adverseEvents(), e.addenda(),
				rs.getLong("version"));
	}

	private CheckIn checkIn(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("checked_in_at") == null) {
			return null;
		}
		var items = rs.getString("phq9_items");
		return new CheckIn(rs.getBoolean("identity_confirmed"), rs.getBoolean("escort_confirmed"),
				rs.getString("escort_name"), rs.getBoolean("fasting"), rs.getString("medication_changes"),
				items == null ? null : Questionnaires.phq9(json.readValue(items, ITEMS)), rs.getString("checked_in_by"),
				instant(rs, "checked_in_at"));
	}

	private static CourseOrderOverride orderOverride(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("order_override_at") == null) {
			return null;
		}
		return new CourseOrderOverride(rs.getObject("appointment_id", UUID.class), rs.getString("order_override_reason"),
				rs.getString("order_override_by"), instant(rs, "order_override_at"));
	}

	private static PreDoseClearance clearance(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("bp_cleared_at") == null) {
			return null;
		}
		return new PreDoseClearance(instant(rs, "bp_reading_taken_at"), rs.getString("bp_clearance_reason"),
				rs.getString("bp_cleared_by"), instant(rs, "bp_cleared_at"));
	}

	private static Dosing dosing(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("dosed_at") == null) {
			return null;
		}
		return new Dosing(rs.getObject("weight_kg", BigDecimal.class), rs.getObject("planned_dose_mg", BigDecimal.class),
				rs.getObject("dose_mg", BigDecimal.class), rs.getObject("infusion_rate_mg_per_h", BigDecimal.class),
				rs.getString("drug_lot"), rs.getString("prepared_by"), rs.getString("administered_by"),
				instant(rs, "dosed_at"));
	}

	private static DischargeChecklist discharge(ResultSet rs) throws SQLException {
		if (rs.getTimestamp("discharge_checked_at") == null) {
			return null;
		}
		return new DischargeChecklist(rs.getBoolean("vitals_near_baseline"), rs.getBoolean("alert_and_oriented"),
				rs.getBoolean("steady_gait"), rs.getBoolean("escort_present"), rs.getBoolean("instructions_given"),
				rs.getString("discharge_checked_by"), instant(rs, "discharge_checked_at"));
	}

	private static Signature signature(ResultSet rs, String prefix) throws SQLException {
		if (rs.getTimestamp(prefix + "_at") == null) {
			return null;
		}
		return new Signature(rs.getString(prefix + "_by"), instant(rs, prefix + "_at"));
	}
}
