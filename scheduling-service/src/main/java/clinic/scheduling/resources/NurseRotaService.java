package clinic.scheduling.resources;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.planning.ClinicHours;

/**
 * When nurses are on shift and how many chairs each watches at once: the weekly rota per site (entries are ended,
 * never deleted, so that past rotas stay readable), extra dated shifts and days a nurse is away. One nurse is in one
 * place at a time: rota entries of a nurse that overlap (weekday, hours and validity, at any site) are refused, and so
 * are overlapping extra shifts of a nurse. (An extra shift that overlaps the nurse's own rota time is not refused
 * here; whoever reads the calendar counts such a nurse once.)
 */
@Service
public class NurseRotaService {

	/** An extra shift is one stretch of work, not a week. */
	static final Duration MAX_SHIFT = Duration.ofHours(24);

	private final NurseRotas rotas;

	private final Sites sites;

	private final RevisionLog log;

	private final SchedulingSettings settings;

	NurseRotaService(NurseRotas rotas, Sites sites, RevisionLog log, SchedulingSettings settings) {
		this.rotas = rotas;
		this.sites = sites;
		this.log = log;
		this.settings = settings;
	}

	/** A new weekly rota entry, as an administrator enters it. */
	public record NewRotaEntry(@Nullable String nurse, int dayOfWeek, @Nullable LocalTime starts,
			@Nullable LocalTime ends, int chairsWatched, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil) {
	}

	/** The site's rota entries, of one nurse and valid on one date when given. */
	@Transactional(readOnly = true)
	public List<RotaEntry> rota(UUID siteId, @Nullable String nurse, @Nullable LocalDate validOn) {
		site(siteId);
		return rotas.rota(siteId, blankToNull(nurse), validOn);
	}

	@Transactional(readOnly = true)
	public RotaEntry rotaEntry(UUID id) {
		return rotas.findRotaEntry(id).orElseThrow(() -> new NotFoundException("Rota entry", id));
	}

	@Transactional
	public RotaEntry addRotaEntry(UUID siteId, NewRotaEntry entry) {
		var nurse = Inputs.name("nurse", entry.nurse());
		Inputs.weekday("dayOfWeek", entry.dayOfWeek());
		var starts = required("starts", entry.starts());
		var ends = required("ends", entry.ends());
		if (!starts.isBefore(ends)) {
			throw new InvalidInputException("ends", "the shift must start (" + starts + ") before it ends (" + ends + ")");
		}
		Inputs.chairsWatched("chairsWatched", entry.chairsWatched());
		var validFrom = required("validFrom", entry.validFrom());
		checkValidUntil(validFrom, entry.validUntil());
		site(siteId);
		rotas.lockNurse(nurse);
		var overlapping = rotas.overlappingRota(nurse, entry.dayOfWeek(), starts, ends, validFrom, entry.validUntil());
		if (!overlapping.isEmpty()) {
			var other = overlapping.get(0);
			throw new ConflictException(nurse + " is already on the rota at " + siteName(other.siteId()) + " on "
					+ DayOfWeek.of(other.dayOfWeek()).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s "
					+ other.starts() + "–" + other.ends() + " from " + other.validFrom()
					+ (other.validUntil() == null ? "" : " until " + other.validUntil()) + " (entry " + other.id()
					+ "); end that entry first");
		}
		var created = new RotaEntry(UUID.randomUUID(), siteId, nurse, entry.dayOfWeek(), starts, ends,
				entry.chairsWatched(), validFrom, entry.validUntil(), 1);
		rotas.insertRotaEntry(created);
		log.created(ResourceKind.NURSE_ROTA, created.id(), created.version(), created);
		return created;
	}

	/** Ends a rota entry: it applies until {@code validUntil} (inclusive), no longer. */
	@Transactional
	public RotaEntry endRotaEntry(UUID id, @Nullable LocalDate validUntil, long expectedVersion) {
		var until = required("validUntil", validUntil);
		var current = rotaEntry(id);
		checkValidUntil(current.validFrom(), until);
		Inputs.expectVersion(ResourceKind.NURSE_ROTA, id, current.version(), expectedVersion);
		var ended = new RotaEntry(id, current.siteId(), current.nurse(), current.dayOfWeek(), current.starts(),
				current.ends(), current.chairsWatched(), current.validFrom(), until, current.version() + 1);
		if (!rotas.updateRotaEntry(ended, expectedVersion)) {
			throw Inputs.changedMeanwhile(ResourceKind.NURSE_ROTA, id);
		}
		log.updated(ResourceKind.NURSE_ROTA, id, ended.version(), ended);
		return ended;
	}

	/** The site's extra shifts overlapping the days {@code from} to {@code to} (both included, the site's time zone). */
	@Transactional(readOnly = true)
	public List<ExtraShift> shifts(UUID siteId, @Nullable String nurse, LocalDate from, LocalDate to) {
		Inputs.range(from, to);
		var zone = settings.zoneOf(site(siteId).timeZone());
		return rotas.shifts(siteId, blankToNull(nurse), from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	@Transactional
	public ExtraShift addShift(UUID siteId, @Nullable String nurse, @Nullable Instant start, @Nullable Instant end,
			int chairsWatched) {
		var who = Inputs.name("nurse", nurse);
		var from = required("start", start);
		var until = required("end", end);
		if (!from.isBefore(until)) {
			throw new InvalidInputException("end", "the shift must start (" + from + ") before it ends (" + until + ")");
		}
		if (Duration.between(from, until).compareTo(MAX_SHIFT) > 0) {
			throw new InvalidInputException("end", "a shift lasts at most " + MAX_SHIFT.toHours() + " hours");
		}
		Inputs.chairsWatched("chairsWatched", chairsWatched);
		site(siteId);
		rotas.lockNurse(who);
		var overlapping = rotas.overlappingShifts(who, from, until);
		if (!overlapping.isEmpty()) {
			var other = overlapping.get(0);
			var otherSite = sites.find(other.siteId());
			throw new ConflictException(who + " already has an extra shift at "
					+ otherSite.map(Site::name).orElse("another site") + " "
					+ ClinicHours.describe(other.start(), other.end(),
							settings.zoneOf(otherSite.map(Site::timeZone).orElse(null)))
					+ " (shift " + other.id() + ")");
		}
		var shift = new ExtraShift(UUID.randomUUID(), siteId, who, from, until, chairsWatched, 1);
		rotas.insertShift(shift);
		log.created(ResourceKind.NURSE_SHIFT, shift.id(), shift.version(), shift);
		return shift;
	}

	@Transactional
	public void removeShift(UUID id, long expectedVersion) {
		var shift = rotas.findShift(id).orElseThrow(() -> new NotFoundException("Nurse shift", id));
		Inputs.expectVersion(ResourceKind.NURSE_SHIFT, id, shift.version(), expectedVersion);
		if (!rotas.deleteShift(id, expectedVersion)) {
			throw Inputs.changedMeanwhile(ResourceKind.NURSE_SHIFT, id);
		}
		log.removed(ResourceKind.NURSE_SHIFT, id, shift.version() + 1, shift);
	}

	/** Absences from {@code from} to {@code to} (both included), of one nurse when given. */
	@Transactional(readOnly = true)
	public List<NurseAbsence> absences(@Nullable String nurse, LocalDate from, LocalDate to) {
		Inputs.range(from, to);
		return rotas.absences(blankToNull(nurse), from, to);
	}

	@Transactional
	public NurseAbsence addAbsence(@Nullable String nurse, @Nullable LocalDate date, @Nullable String reason) {
		var who = Inputs.name("nurse", nurse);
		var on = required("date", date);
		var why = Inputs.reason("reason", reason);
		var absence = new NurseAbsence(UUID.randomUUID(), who, on, why, 1);
		try {
			rotas.insertAbsence(absence);
		}
		catch (ResourceCollision collision) {
			throw new ConflictException(who + " is already away on " + on);
		}
		log.created(ResourceKind.NURSE_ABSENCE, absence.id(), absence.version(), absence);
		return absence;
	}

	@Transactional
	public void removeAbsence(UUID id, long expectedVersion) {
		var absence = rotas.findAbsence(id).orElseThrow(() -> new NotFoundException("Nurse absence", id));
		Inputs.expectVersion(ResourceKind.NURSE_ABSENCE, id, absence.version(), expectedVersion);
		if (!rotas.deleteAbsence(id, expectedVersion)) {
			throw Inputs.changedMeanwhile(ResourceKind.NURSE_ABSENCE, id);
		}
		log.removed(ResourceKind.NURSE_ABSENCE, id, absence.version() + 1, absence);
	}

	private String siteName(UUID siteId) {
		return sites.find(siteId).map(Site::name).orElse("another site");
	}

	private Site site(UUID siteId) {
		return sites.find(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
	}

	private static void checkValidUntil(LocalDate validFrom, @Nullable LocalDate validUntil) {
		if (validUntil != null && validUntil.isBefore(validFrom)) {
			throw new InvalidInputException("validUntil", "must not be before validFrom (" + validFrom + ")");
		}
	}

	static <T> T required(String field, @Nullable T value) {
		if (value == null) {
			throw new InvalidInputException(field, "must not be null");
		}
		return value;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
