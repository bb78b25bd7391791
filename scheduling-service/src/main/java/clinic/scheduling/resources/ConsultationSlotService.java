package clinic.scheduling.resources;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.planning.ClinicHours;

/**
 * Clinicians' consultation slots: an administrator opens them at a site (in one of its rooms or not) and removes
 * them. A clinician's slots never overlap; the store's exclusion constraint has the last word when two
 * administrators add overlapping slots at the same moment. A slot holding a consultation is not removed (the
 * consultation is moved or cancelled first); the consultations it held before keep their own copy of its time.
 */
@Service
public class ConsultationSlotService {

	static final Duration MAX_SLOT = Duration.ofHours(12);

	private final ConsultationSlots slots;

	private final Sites sites;

	private final RevisionLog log;

	private final SchedulingSettings settings;

	ConsultationSlotService(ConsultationSlots slots, Sites sites, RevisionLog log, SchedulingSettings settings) {
		this.slots = slots;
		this.sites = sites;
		this.log = log;
		this.settings = settings;
	}

	/**
	 * Slots overlapping the days {@code from} to {@code to} (both included, each on its site's clock), filtered when
	 * asked.
	 */
	@Transactional(readOnly = true)
	public List<ConsultationSlot> slots(@Nullable String clinician, @Nullable UUID siteId, LocalDate from,
			LocalDate to) {
		Inputs.range(from, to);
		var zones = sites.all()
			.stream()
			.collect(Collectors.toMap(Site::id, site -> settings.zoneOf(site.timeZone())));
		// every zone's day starts within a day of UTC's: read a day more on each side, then keep each site's own days
		var candidates = slots.list(NurseRotaService.blankToNull(clinician), siteId,
				from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
		return candidates.stream().filter(slot -> {
			var zone = zones.getOrDefault(slot.siteId(), settings.timeZone());
			return slot.end().isAfter(from.atStartOfDay(zone).toInstant())
					&& slot.start().isBefore(to.plusDays(1).atStartOfDay(zone).toInstant());
		}).toList();
	}

	@Transactional(readOnly = true)
	public ConsultationSlot slot(UUID id) {
		return slots.find(id).orElseThrow(() -> new NotFoundException("Consultation slot", id));
	}

	@Transactional
	public ConsultationSlot add(UUID siteId, @Nullable UUID roomId, @Nullable String clinician,
			@Nullable Instant start, @Nullable Instant end) {
		var who = Inputs.name("clinician", clinician);
		var from = NurseRotaService.required("start", start);
		var until = NurseRotaService.required("end", end);
		if (!from.isBefore(until)) {
			throw new InvalidInputException("end", "the slot must start (" + from + ") before it ends (" + until + ")");
		}
		if (Duration.between(from, until).compareTo(MAX_SLOT) > 0) {
			throw new InvalidInputException("end", "a consultation slot lasts at most " + MAX_SLOT.toHours() + " hours");
		}
		var site = sites.find(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
		if (roomId != null) {
			var room = sites.findRoom(roomId)
				.orElseThrow(() -> new InvalidInputException("roomId", "There is no room " + roomId));
			if (!room.siteId().equals(siteId)) {
				throw new InvalidInputException("roomId",
						"Room '" + room.name() + "' is at " + room.siteName() + ", not at " + site.name());
			}
		}
		var overlapping = slots.list(who, null, from, until);
		if (!overlapping.isEmpty()) {
			throw collision(who, overlapping.get(0));
		}
		var slot = new ConsultationSlot(UUID.randomUUID(), siteId, roomId, who, from, until, 1);
		try {
			slots.insert(slot);
		}
		catch (ResourceCollision collision) {
			throw new ConflictException(who + " was given an overlapping consultation slot by someone else at the "
					+ "same moment; reload and try again");
		}
		log.created(ResourceKind.CONSULTATION_SLOT, slot.id(), slot.version(), slot);
		return slot;
	}

	@Transactional
	public void remove(UUID id, long expectedVersion) {
		var slot = slots.lock(id).orElseThrow(() -> new NotFoundException("Consultation slot", id));
		Inputs.expectVersion(ResourceKind.CONSULTATION_SLOT, id, slot.version(), expectedVersion);
		if (slots.isBooked(id)) {
			throw new ConflictException("A consultation is booked into the slot of " + slot.clinician() + " "
					+ ClinicHours.describe(slot.start(), slot.end(), zoneOf(slot.siteId()))
					+ "; move or cancel it before the slot is removed");
		}
		if (!slots.delete(id, expectedVersion)) {
			throw Inputs.changedMeanwhile(ResourceKind.CONSULTATION_SLOT, id);
		}
		log.removed(ResourceKind.CONSULTATION_SLOT, id, slot.version() + 1, slot);
	}

	private java.time.ZoneId zoneOf(UUID siteId) {
		return settings.zoneOf(sites.find(siteId).map(Site::timeZone).orElse(null));
	}

	private ConflictException collision(String clinician, ConsultationSlot other) {
		var site = sites.find(other.siteId());
		var zone = settings.zoneOf(site.map(Site::timeZone).orElse(null));
		return new ConflictException(clinician + " already has a consultation slot "
				+ ClinicHours.describe(other.start(), other.end(), zone) + " at "
				+ site.map(Site::name).orElse("another site") + " (slot " + other.id() + ")");
	}
}
