package clinic.intake.patients.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.patients.Found;
import clinic.intake.patients.Indication;
import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientConsultation;
import clinic.intake.patients.PatientCriteria;
import clinic.intake.patients.PatientIdentifier;
import clinic.intake.patients.PatientIdentity;
import clinic.intake.patients.PatientSearch;
import clinic.intake.patients.PatientStatus;
import clinic.intake.patients.Patients;
import clinic.intake.patients.Referral;
import clinic.intake.patients.ReferralCriteria;
import clinic.intake.patients.ReferralState;
import clinic.platform.jdbc.OptimisticLock;
import clinic.platform.jdbc.RecordParameters;
import clinic.platform.problems.ConflictException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcPatients implements Patients {

	private static final TypeReference<List<Referral.Attachment>> ATTACHMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcPatients(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
				values (:id, :mrn, :givenName, :familyName, :birthDate, :phone, :status, :version, :createdAt)""")
			.paramSource(RecordParameters.of(p))
			.update();
	}

	@Override
	public void update(Patient p) {
		OptimisticLock.requireOneUpdated(jdbc.sql("""
				update patient set given_name = :givenName, family_name = :familyName, birth_date = :birthDate,
				       phone = :phone, status = :status, version = :version
				where id = :id and version = :previous""")
			.paramSource(RecordParameters.of(p).with("previous", p.version() - 1))
			.update(), "Patient " + p.id());
	}

	@Override
	public Optional<Patient> find(UUID id) {
		return jdbc.sql("select * from patient where id = :id").param("id", id).query(JdbcPatients::patient).optional();
	}

	@Override
	public Optional<Patient> findForUpdate(UUID id) {
		return jdbc.sql("select * from patient where id = :id for update")
			.param("id", id)
			.query(JdbcPatients::patient)
			.optional();
	}

	/*
	 * The search runs on what the database derives from each patient: search_name = lower(unaccent(given family))
	 * (V3) and its words, each beside its patient in a B-tree (patient_word, V11: a name part searched is the range of
	 * words it begins), phone_digits with a trigram GIN index, birth_date and mrn with B-tree indexes. The query text is
	 * normalized by the same function first, so "Zoe" meets "Zoë".
	 */
	@Override
	public List<Patient> search(PatientSearch search, int limit) {
		if (search.mrn() != null) {
			return jdbc.sql("select * from patient where mrn = :mrn")
				.param("mrn", search.mrn())
				.query(JdbcPatients::patient)
				.list();
		}
		if (search.phoneDigits() != null) {
			return jdbc.sql("""
					select * from patient where phone_digits like :pattern or mrn = :mrn
					order by (mrn = :mrn) desc, family_name, given_name, birth_date limit :limit""")
				.param("pattern", "%" + escapeLike(search.phoneDigits()) + "%")
				.param("mrn", search.textAsMrn())
				.param("limit", limit)
				.query(JdbcPatients::patient)
				.list();
		}
		if (search.nameTokens().isEmpty()) {
			var where = search.birthDate() == null ? "" : "where birth_date = :birth";
			var statement = jdbc.sql("select * from patient " + where
					+ " order by family_name, given_name, birth_date limit :limit");
			if (search.birthDate() != null) {
				statement = statement.param("birth", search.birthDate());
			}
			return statement.param("limit", limit).query(JdbcPatients::patient).list();
		}
		var normalized = jdbc.sql("select patient_search_text(:text)")
			.param("text", String.join(" ", search.nameTokens()))
			.query(String.class)
			.single();
		var words = Arrays.stream(normalized.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
		var byMrn = search.textAsMrn() == null ? List.<Patient>of()
				: jdbc.sql("select * from patient where mrn = :mrn")
					.param("mrn", search.textAsMrn())
					.query(JdbcPatients::patient)
					.list();
		if (words.isEmpty()) {
			return byMrn;
		}
		// a word that begins no word of any name was mistyped: only it is looked up among the register's words, and
		// the search as typed is not run; when every word begins one, as typed first, then each word may be mistyped
		var unknown = jdbc.sql("""
				select cast(w.i as int) - 1 from unnest(cast(:froms as text[]), cast(:tos as text[])) with ordinality as w(f, t, i)
				where not exists (select 1 from patient_word where word >= w.f and word < w.t)""")
			.param("froms", words.toArray(String[]::new))
			.param("tos", words.stream().map(JdbcPatients::after).toArray(String[]::new))
			.query(Integer.class)
			.set();
		var found = unknown.isEmpty() ? byWords(words, Map.of(), normalized, search.birthDate(), limit) : List.<Patient>of();
		if (found.isEmpty()) {
			var mistyped = unknown.isEmpty() ? IntStream.range(0, words.size()).boxed().collect(Collectors.toSet())
					: unknown;
			found = byWords(words, meant(words, mistyped), normalized, search.birthDate(), limit);
		}
		if (byMrn.isEmpty()) {
			return found;
		}
		var all = new ArrayList<>(byMrn);
		found.stream().filter(p -> !p.id().equals(byMrn.get(0).id())).limit(limit - 1).forEach(all::add);
		return all;
	}

	/**
	 * How like a word of the name each word searched must be when no name holds it as typed: a letter wrong, missing
	 * or added in a name of six letters or more (pg_trgm's word similarity: "Bercach" to "Berbach" is 0.45, "Lovelase"
	 * to "Lovelace" 0.67; two letters swapped, "Lovleace", 0.38, is too far).
	 */
	static final double TYPO_WORD_SIMILARITY = 0.4;

	/** The words of the register nearest to one searched that a search with typos takes it for, at most this many. */
	static final int TYPO_CANDIDATES = 8;

	/**
	 * For each mistyped word (by its index), the register's words nearest to it ({@code patient_name_word}, by trigram
	 * distance) that it is like enough, a letter wrong, missing or added; not those it begins (its range has them).
	 * One statement for all of them.
	 */
	private Map<Integer, List<String>> meant(List<String> words, Set<Integer> mistyped) {
		var meant = new HashMap<Integer, List<String>>();
		var asked = mistyped.stream().sorted().toList();
		jdbc.sql("""
				select cast(w.i as int), n.word
				from unnest(cast(:words as text[])) with ordinality as w(word, i)
				cross join lateral (select word from patient_name_word order by word <-> w.word limit :candidates) n
				where word_similarity(w.word, n.word) >= :typo and not starts_with(n.word, w.word)""")
			.param("words", asked.stream().map(words::get).toArray(String[]::new))
			.param("candidates", TYPO_CANDIDATES)
			.param("typo", TYPO_WORD_SIMILARITY)
			.query((rs, row) -> meant.computeIfAbsent(asked.get(rs.getInt(1) - 1), i -> new ArrayList<>())
				.add(rs.getString(2)))
			.list();
		return meant;
	}

	/**
	 * The patients with, for every word searched, a word of their name that it begins ({@code patient_word}, V11: one
	 * B-tree range a word, the ranges' patients intersected), most similar names first. A word whose index is in
	 * {@code meant} may also be one of the words given for it there ({@link #meant}). A word like no word of any name
	 * finds nobody, so "lovelace smith" still finds no one.
	 */
	private List<Patient> byWords(List<String> words, Map<Integer, List<String>> meant, String normalized,
			@Nullable LocalDate birthDate, int limit) {
		var sql = new StringBuilder("select p.* from patient p join (");
		var params = new LinkedHashMap<String, Object>();
		for (int i = 0; i < words.size(); i++) {
			var word = words.get(i);
			sql.append(i == 0 ? "(" : " intersect (")
				.append("select patient_id from patient_word where word >= :from")
				.append(i)
				.append(" and word < :to")
				.append(i);
			params.put("from" + i, word);
			params.put("to" + i, after(word));
			var others = meant.getOrDefault(i, List.of());
			if (!others.isEmpty()) {
				// a branch of its own, not an OR: each reads the index alone, never the table
				sql.append(" union all select patient_id from patient_word where word = any(:meant").append(i).append(")");
				params.put("meant" + i, others.toArray(String[]::new));
			}
			sql.append(")");
		}
		sql.append(") f on f.patient_id = p.id");
		if (birthDate != null) {
			sql.append(" where p.birth_date = :birth");
			params.put("birth", birthDate);
		}
		sql.append(" order by similarity(p.search_name, :normalized) desc, p.family_name, p.given_name, p.birth_date")
			.append(" limit :limit");
		var statement = jdbc.sql(sql.toString());
		for (var param : params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		return statement.param("normalized", normalized).param("limit", limit).query(JdbcPatients::patient).list();
	}

	/** The first text after every word that {@code prefix} begins (its last letter the next one up). */
	private static String after(String prefix) {
		return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
	}

	/*
	 * Names compare as the search box's do (patient_search_text on both sides), at the start of the name or of a word
	 * in it; the order ends in the id so that pages do not overlap or skip a patient.
	 */
	@Override
	public Found<Patient> find(PatientCriteria criteria, int offset, int limit) {
		var conditions = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		// a merged patient's MRN or identifier finds it and its survivor
		var byMrn = "id in (select p.id from patient p where p.mrn = :mrn union select p.merged_into from patient p"
				+ " where p.mrn = :mrn and p.merged_into is not null)";
		var systemCondition = criteria.identifierSystem() == null ? "" : " and i.system = :idSystem";
		var byIdentifier = "id in (select i.patient_id from patient_identifier i where i.value = :idValue"
				+ systemCondition + " union select p.merged_into from patient p join patient_identifier i"
				+ " on i.patient_id = p.id where i.value = :idValue" + systemCondition
				+ " and p.merged_into is not null)";
		if (criteria.mrn() != null && criteria.identifierValue() != null) {
			conditions.add("(" + byMrn + " or " + byIdentifier + ")");
		}
		else if (criteria.mrn() != null) {
			conditions.add(byMrn);
		}
		else if (criteria.identifierValue() != null) {
			conditions.add(byIdentifier);
		}
		if (criteria.mrn() != null) {
			params.put("mrn", criteria.mrn());
		}
		if (criteria.identifierValue() != null) {
			params.put("idValue", criteria.identifierValue());
			if (criteria.identifierSystem() != null) {
				params.put("idSystem", criteria.identifierSystem());
			}
		}
		nameCondition(conditions, params, "search_name", "name", criteria.name());
		nameCondition(conditions, params, "patient_search_text(family_name)", "family", criteria.family());
		nameCondition(conditions, params, "patient_search_text(given_name)", "given", criteria.given());
		if (criteria.bornFrom() != null) {
			conditions.add("birth_date >= :bornFrom");
			params.put("bornFrom", criteria.bornFrom());
		}
		if (criteria.bornTo() != null) {
			conditions.add("birth_date <= :bornTo");
			params.put("bornTo", criteria.bornTo());
		}
		var where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = jdbc.sql("select count(*) from patient" + where).params(params).query(Long.class).single();
		var page = jdbc.sql("select * from patient" + where
				+ " order by family_name, given_name, birth_date, id offset :offset limit :limit")
			.params(params)
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcPatients::patient)
			.list();
		return new Found<>(page, total);
	}

	private static void nameCondition(List<String> conditions, Map<String, Object> params, String column,
			String param, String value) {
		if (value == null) {
			return;
		}
		var wanted = "patient_search_text(:" + param + ")";
		conditions.add("(" + column + " like " + wanted + " || '%' or " + column + " like '% ' || " + wanted
				+ " || '%')");
		params.put(param, escapeLike(value.strip()));
	}

	@Override
	public void holdRegistrationsBornOn(LocalDate birthDate) {
		jdbc.sql("""
				select 1 from (select pg_advisory_xact_lock(
				  hashtextextended('intake.registration:' || cast(:birth as text), 0))) held""")
			.param("birth", birthDate)
			.query(Integer.class)
			.single();
	}

	/*
	 * Phones compare on their last 9 digits (the national number) so "+41 61 222 33 44" and "061 222 33 44" meet;
	 * only the few patients born that day are compared (birth_date index).
	 */
	@Override
	public List<Patient> likelyDuplicates(String givenName, String familyName, LocalDate birthDate, String phone,
			double nameSimilarity) {
		return jdbc.sql("""
				with wanted as (select patient_search_text(:given || ' ' || :family) as name,
				                       patient_phone_digits(:phone) as phone_digits)
				select patient.* from patient, wanted
				where birth_date = :birth
				  and (similarity(search_name, wanted.name) > :threshold
				       or (length(wanted.phone_digits) >= 6
				           and right(patient.phone_digits, 9) = right(wanted.phone_digits, 9)))
				order by similarity(search_name, wanted.name) desc, mrn
				limit 10""")
			.param("given", givenName)
			.param("family", familyName)
			.param("phone", phone, java.sql.Types.VARCHAR)
			.param("birth", birthDate)
			.param("threshold", nameSimilarity)
			.query(JdbcPatients::patient)
			.list();
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public void insert(Referral r) {
		jdbc.sql("""
				insert into referral (id, patient_id, referring_clinician, reason, indication, attachments, state,
				  received_at)
				values (:id, :patient, :clinician, :reason, :indication, cast(:attachments as jsonb), :state,
				  :received)""")
			.param("id", r.id())
			.param("patient", r.patientId())
			.param("clinician", r.referringClinician())
			.param("reason", r.reason())
			.param("indication", r.indication().name())
			.param("attachments", json.writeValueAsString(r.attachments()))
			.param("state", r.state().name())
			.param("received", timestamp(r.receivedAt()))
			.update();
	}

	@Override
	public List<Referral> referralsOf(UUID patientId) {
		return jdbc.sql("select * from referral where patient_id = :patient order by received_at, id")
			.param("patient", patientId)
			.query(this::referral)
			.list();
	}

	@Override
	public Optional<Referral> findReferral(UUID id) {
		return jdbc.sql("select * from referral where id = :id").param("id", id).query(this::referral).optional();
	}

	@Override
	public Found<Referral> findReferrals(ReferralCriteria criteria, int offset, int limit) {
		var conditions = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		if (criteria.patientId() != null) {
			conditions.add("patient_id = :patient");
			params.put("patient", criteria.patientId());
		}
		if (!criteria.states().isEmpty()) {
			conditions.add("state in (:states)");
			params.put("states", criteria.states().stream().map(ReferralState::name).sorted().toList());
		}
		var where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = jdbc.sql("select count(*) from referral" + where).params(params).query(Long.class).single();
		var page = jdbc.sql("select * from referral" + where + " order by received_at, id offset :offset limit :limit")
			.params(params)
			.param("offset", offset)
			.param("limit", limit)
			.query(this::referral)
			.list();
		return new Found<>(page, total);
	}

	@Override
	public void moveReferral(Referral moved, ReferralState from) {
		int updated = jdbc.sql("update referral set state = :state where id = :id and state = :from")
			.param("id", moved.id())
			.param("state", moved.state().name())
			.param("from", from.name())
			.update();
		if (updated != 1) {
			throw new ConflictException("Referral " + moved.id() + " was moved by someone else; reload and try again");
		}
	}

	@Override
	public boolean saveConsultationIfNewer(PatientConsultation c) {
		return jdbc.sql("""
				insert into patient_consultation (patient_id, consultation_id, status, clinician, site_name, time_zone,
				  start_at, end_at, reason, version, updated_at)
				values (:patient, :consultation, :status, :clinician, :site, :zone, :start, :end, :reason, :version,
				  :updated)
				on conflict (patient_id) do update
				  set consultation_id = excluded.consultation_id, status = excluded.status,
				      clinician = excluded.clinician, site_name = excluded.site_name, time_zone = excluded.time_zone,
				      start_at = excluded.start_at, end_at = excluded.end_at, reason = excluded.reason,
				      version = excluded.version, updated_at = excluded.updated_at
				  where patient_consultation.version < excluded.version""")
			.param("patient", c.patientId())
			.param("consultation", c.consultationId())
			.param("status", c.status().name())
			.param("clinician", c.clinician())
			.param("site", c.siteName())
			.param("zone", c.timeZone())
			.param("start", timestamp(c.start()))
			.param("end", timestamp(c.end()))
			.param("reason", c.reason(), java.sql.Types.VARCHAR)
			.param("version", c.version())
			.param("updated", timestamp(c.updatedAt()))
			.update() == 1;
	}

	@Override
	public Optional<PatientConsultation> consultationOf(UUID patientId) {
		return jdbc.sql("select * from patient_consultation where patient_id = :patient")
			.param("patient", patientId)
			.query((rs, row) -> new PatientConsultation(rs.getObject("patient_id", UUID.class),
					rs.getObject("consultation_id", UUID.class),
					PatientConsultation.Status.valueOf(rs.getString("status")), rs.getString("clinician"),
					rs.getString("site_name"), rs.getString("time_zone"), instant(rs, "start_at"),
					instant(rs, "end_at"), rs.getString("reason"), rs.getLong("version"),
					instant(rs, "updated_at")))
			.optional();
	}

	private Referral referral(ResultSet rs, int row) throws SQLException {
		return new Referral(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("referring_clinician"), rs.getString("reason"),
				Indication.valueOf(rs.getString("indication")), json.readValue(rs.getString("attachments"), ATTACHMENTS),
				ReferralState.valueOf(rs.getString("state")), instant(rs, "received_at"));
	}

	@Override
	public UUID holdIdentifier(PatientIdentifier identifier) {
		jdbc.sql("""
				insert into patient_identifier (system, value, assigner, patient_id, added_by, added_at)
				values (:system, :value, :assigner, :patient, :by, :at)
				on conflict (system, value) do nothing""")
			.param("system", identifier.system())
			.param("value", identifier.value())
			.param("assigner", identifier.assigner())
			.param("patient", identifier.patientId())
			.param("by", identifier.addedBy())
			.param("at", timestamp(identifier.addedAt()))
			.update();
		return holderOf(identifier.system(), identifier.value()).orElseThrow();
	}

	@Override
	public Optional<UUID> holderOf(String system, String value) {
		return jdbc.sql("select patient_id from patient_identifier where system = :system and value = :value")
			.param("system", system)
			.param("value", value)
			.query(UUID.class)
			.optional();
	}

	private record Merge(@Nullable UUID into, @Nullable Instant at) {
	}

	@Override
	public PatientIdentity identityOf(UUID patientId) {
		var identifiers = jdbc.sql("select * from patient_identifier where patient_id = :id order by id")
			.param("id", patientId)
			.query((rs, row) -> new PatientIdentifier(rs.getString("system"), rs.getString("value"),
					rs.getString("assigner"), rs.getObject("patient_id", UUID.class), rs.getString("added_by"),
					instant(rs, "added_at")))
			.list();
		var merge = jdbc.sql("select merged_into, merged_at from patient where id = :id")
			.param("id", patientId)
			.query((rs, row) -> new Merge(rs.getObject("merged_into", UUID.class),
					instant(rs, "merged_at")))
			.optional()
			.orElse(new Merge(null, null));
		var replaces = jdbc.sql("select id from patient where merged_into = :id order by merged_at, id")
			.param("id", patientId)
			.query(UUID.class)
			.list();
		return new PatientIdentity(identifiers, merge.into(), merge.at(), replaces);
	}

	@Override
	public void markMerged(UUID retired, UUID survivor, Instant at, String by) {
		int updated = jdbc.sql("""
				update patient set merged_into = :survivor, merged_at = :at, merged_by = :by, version = version + 1
				where id = :id and merged_into is null""")
			.param("id", retired)
			.param("survivor", survivor)
			.param("at", timestamp(at))
			.param("by", by)
			.update();
		if (updated != 1) {
			throw new ConflictException("Patient " + retired + " was merged by someone else meanwhile");
		}
	}

	private static Patient patient(ResultSet rs, int row) throws SQLException {
		return new Patient(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("given_name"),
				rs.getString("family_name"), rs.getDate("birth_date").toLocalDate(), rs.getString("phone"),
				PatientStatus.valueOf(rs.getString("status")), rs.getLong("version"),
				instant(rs, "created_at"));
	}
}
