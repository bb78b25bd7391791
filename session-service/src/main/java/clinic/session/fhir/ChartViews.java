package clinic.session.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.platform.fhir.DateBounds;

/**
 * The session records as FHIR reads them: each search finds its page, ordered by date then id, with the total. A
 * port of the FHIR adapter, kept by its {@code persistence}: the records' entries are read with the ids they are
 * stored under (a reading's, a score's, a side effect's), which the domain's records do not carry.
 */
public interface ChartViews {

	/**
	 * What a search asks for. Every criterion may be null (or empty): it then does not narrow the search.
	 *
	 * @param patientId the record's patient
	 * @param sessionId the record (an Observation's or a dose's encounter)
	 * @param appointmentId the appointment the record was opened for
	 * @param date the range the resource's date lies in
	 * @param states the FHIR statuses (for AdverseEvent: the seriousness) it has, one of them
	 * @param codes what it is (an Observation's kind; an AdverseEvent's severity), one of them
	 */
	record Search(@Nullable UUID patientId, @Nullable UUID sessionId, @Nullable UUID appointmentId, DateBounds date,
			@Nullable Set<String> states, @Nullable Set<String> codes, int offset, int limit) {
	}

	/** A page of what a search found, and how many it found in all. */
	record Found<T>(List<T> items, long total) {
	}

	/**
	 * A session record as an Encounter and its dose: who and when, where (the chair of its appointment, which stays
	 * known after the appointment is moved or cancelled) and the dose as given.
	 */
	record Session(UUID id, UUID appointmentId, UUID patientId, String state, Instant openedAt,
			@Nullable Instant checkedInAt, @Nullable String checkedInBy, @Nullable Instant completedAt,
			@Nullable String nurseSignedBy, @Nullable String clinicianSignedBy, @Nullable UUID chairId,
			@Nullable String chairName, @Nullable String siteName, @Nullable String kind, String route,
			@Nullable Dose dose) {
	}

	/** The dose given, and the FHIR status of its administration. */
	record Dose(String state, Instant administeredAt, String administeredBy, BigDecimal doseMg,
			@Nullable BigDecimal plannedDoseMg, BigDecimal weightKg, @Nullable BigDecimal rateMgPerHour,
			String drugLot, @Nullable String preparedBy, @Nullable Instant endedAt, @Nullable String endReason) {
	}

	/**
	 * One Observation: a vital sign of a reading ({@code bp}, {@code hr}, {@code spo2}, {@code rr}) or a CADSS-6
	 * score ({@code cadss}); {@code entryId} is the reading's or the score's.
	 */
	record Measure(String kind, long entryId, UUID sessionId, UUID patientId, Instant at, String by,
			@Nullable String phase, @Nullable Integer systolic, @Nullable Integer diastolic,
			@Nullable Integer heartRate, @Nullable Integer spo2, @Nullable Integer respiratoryRate,
			@Nullable List<Integer> items, @Nullable Integer total) {

		public String id() {
			return kind + "-" + entryId;
		}
	}

	/**
	 * An AdverseEvent: an adverse event as reported ({@code adverseEventId} set, its grade) or a side effect as
	 * recorded ({@code sideEffectId}, its severity and kind); {@code dosed} when the dose was given before it.
	 */
	record Harm(@Nullable UUID adverseEventId, @Nullable Long sideEffectId, UUID sessionId, UUID patientId,
			Instant at, String by, String grade, @Nullable String effect, @Nullable String text, boolean dosed) {

		public String id() {
			return adverseEventId != null ? adverseEventId.toString() : SIDE_EFFECT + sideEffectId;
		}
	}

	/** How a side effect's id begins (an adverse event's is its UUID). */
	String SIDE_EFFECT = "side-effect-";

	Optional<Session> session(UUID id);

	Found<Session> sessions(Search search);

	/** The records with a dose given; the dose's FHIR status is the state searched. */
	Found<Session> doses(Search search);

	Optional<Measure> measure(String kind, long entryId);

	Found<Measure> measures(Search search);

	Optional<Harm> adverseEvent(UUID id);

	Optional<Harm> sideEffect(long id);

	Found<Harm> harms(Search search);
}
