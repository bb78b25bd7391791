package clinic.scheduling.resources;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where nurses' weekly rota entries, extra shifts and absences are kept. Writes that take an expected version write
 * nothing and answer false when the row is no longer at it; writes refused by a unique rule throw
 * {@link ResourceCollision}.
 */
public interface NurseRotas {

	/**
	 * Holds the nurse until the transaction ends, so that two administrators giving one nurse overlapping time at
	 * the same moment queue up and the second sees the first one's entry.
	 */
	void lockNurse(String nurse);

	/**
	 * The nurse's rota entries at any site on this weekday whose hours overlap [starts, ends) and whose validity
	 * overlaps [validFrom, validUntil] (null: open-ended).
	 */
	List<RotaEntry> overlappingRota(String nurse, int dayOfWeek, LocalTime starts, LocalTime ends,
			LocalDate validFrom, @Nullable LocalDate validUntil);

	/** The nurse's extra shifts at any site overlapping [start, end). */
	List<ExtraShift> overlappingShifts(String nurse, Instant start, Instant end);

	/** The site's rota entries (of one nurse, valid on one date, when given) by nurse, weekday and start. */
	List<RotaEntry> rota(UUID siteId, @Nullable String nurse, @Nullable LocalDate validOn);

	Optional<RotaEntry> findRotaEntry(UUID id);

	void insertRotaEntry(RotaEntry entry);

	boolean updateRotaEntry(RotaEntry entry, long expectedVersion);

	/** The site's extra shifts (of one nurse, when given) overlapping [from, to), by start. */
	List<ExtraShift> shifts(UUID siteId, @Nullable String nurse, Instant from, Instant to);

	Optional<ExtraShift> findShift(UUID id);

	void insertShift(ExtraShift shift);

	boolean deleteShift(UUID id, long expectedVersion);

	/** Absences (of one nurse, when given) from {@code from} to {@code to}, both included, by date and nurse. */
	List<NurseAbsence> absences(@Nullable String nurse, LocalDate from, LocalDate to);

	Optional<NurseAbsence> findAbsence(UUID id);

	void insertAbsence(NurseAbsence absence);

	boolean deleteAbsence(UUID id, long expectedVersion);
}
