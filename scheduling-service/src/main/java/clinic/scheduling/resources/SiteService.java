package clinic.scheduling.resources;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;

/**
 * Sites and their rooms: an administrator creates, renames and sets the time zone of them; every change is a new,
 * recorded version. A site keeps time in its own IANA zone, or in the clinic's ({@code clinic.scheduling.time-zone})
 * while it has none.
 */
@Service
public class SiteService {

	private final Sites sites;

	private final RevisionLog log;

	private final SchedulingSettings settings;

	private final Clock clock;

	SiteService(Sites sites, RevisionLog log, SchedulingSettings settings, Clock clock) {
		this.sites = sites;
		this.log = log;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Site> sites() {
		return sites.all();
	}

	@Transactional(readOnly = true)
	public Site site(UUID id) {
		return sites.find(id).orElseThrow(() -> new NotFoundException("Site", id));
	}

	/** The zone the site keeps time in: its own, or the clinic's. */
	public ZoneId zoneOf(Site site) {
		return settings.zoneOf(site.timeZone());
	}

	/** A new site; {@code timeZone} is its IANA zone, or null (or blank) to keep the clinic's. */
	@Transactional
	public Site create(String name, @Nullable String timeZone) {
		var zone = timeZone == null || timeZone.isBlank() ? null : Inputs.timeZone("timeZone", timeZone);
		var site = new Site(UUID.randomUUID(), Inputs.name("name", name), zone, 1);
		try {
			sites.insert(site);
		}
		catch (ResourceCollision collision) {
			throw siteNameTaken(site.name());
		}
		log.created(ResourceKind.SITE, site.id(), site.version(), site);
		return site;
	}

	/**
	 * Renames the site and sets its time zone: {@code timeZone} null keeps the zone it has, blank returns it to the
	 * clinic's, an IANA id gives it its own. The zone changes only while no appointment at the site lies ahead,
	 * since every booked time would move on the site's clock (409 saying how many there are).
	 */
	@Transactional
	public Site change(UUID id, String name, @Nullable String timeZone, long expectedVersion) {
		var newName = Inputs.name("name", name);
		var current = site(id);
		var zone = timeZone == null ? current.timeZone()
				: timeZone.isBlank() ? null : Inputs.timeZone("timeZone", timeZone);
		Inputs.expectVersion(ResourceKind.SITE, id, current.version(), expectedVersion);
		var changed = new Site(id, newName, zone, current.version() + 1);
		if (!zoneOf(changed).equals(zoneOf(current))) {
			int ahead = sites.appointmentsFrom(id, clock.instant());
			if (ahead > 0) {
				throw new ConflictException(current.name() + " has " + ahead + " appointment" + (ahead == 1 ? "" : "s")
						+ " from now on, booked on its " + zoneOf(current) + " clock; in " + zoneOf(changed)
						+ " they would fall at other times of day. Move or cancel them before changing the time zone");
			}
		}
		try {
			if (!sites.update(changed, expectedVersion)) {
				throw Inputs.changedMeanwhile(ResourceKind.SITE, id);
			}
		}
		catch (ResourceCollision collision) {
			throw siteNameTaken(newName);
		}
		log.updated(ResourceKind.SITE, id, changed.version(), changed);
		return changed;
	}

	@Transactional(readOnly = true)
	public List<Room> rooms(UUID siteId) {
		site(siteId);
		return sites.rooms(siteId);
	}

	@Transactional(readOnly = true)
	public Room room(UUID id) {
		return sites.findRoom(id).orElseThrow(() -> new NotFoundException("Room", id));
	}

	@Transactional
	public Room createRoom(UUID siteId, String name) {
		var roomName = Inputs.name("name", name);
		var site = site(siteId);
		var room = new Room(UUID.randomUUID(), site.id(), site.name(), roomName, 1);
		try {
			sites.insertRoom(room);
		}
		catch (ResourceCollision collision) {
			throw roomNameTaken(site.name(), roomName);
		}
		log.created(ResourceKind.ROOM, room.id(), room.version(), room);
		return room;
	}

	@Transactional
	public Room renameRoom(UUID id, String name, long expectedVersion) {
		var newName = Inputs.name("name", name);
		var current = room(id);
		Inputs.expectVersion(ResourceKind.ROOM, id, current.version(), expectedVersion);
		var renamed = new Room(id, current.siteId(), current.siteName(), newName, current.version() + 1);
		try {
			if (!sites.updateRoom(renamed, expectedVersion)) {
				throw Inputs.changedMeanwhile(ResourceKind.ROOM, id);
			}
		}
		catch (ResourceCollision collision) {
			throw roomNameTaken(current.siteName(), newName);
		}
		log.updated(ResourceKind.ROOM, id, renamed.version(), renamed);
		return renamed;
	}

	private static ConflictException siteNameTaken(String name) {
		return new ConflictException("There is already a site named '" + name + "'");
	}

	private static ConflictException roomNameTaken(String site, String name) {
		return new ConflictException(site + " already has a room named '" + name + "'");
	}
}
