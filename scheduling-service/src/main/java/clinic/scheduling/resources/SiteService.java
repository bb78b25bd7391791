package clinic.scheduling.resources;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;

/** Sites and their rooms: an administrator creates and renames them; every change is a new, recorded version. */
@Service
public class SiteService {

	private final Sites sites;

	private final RevisionLog log;

	SiteService(Sites sites, RevisionLog log) {
		this.sites = sites;
		this.log = log;
	}

	@Transactional(readOnly = true)
	public List<Site> sites() {
		return sites.all();
	}

	@Transactional(readOnly = true)
	public Site site(UUID id) {
		return sites.find(id).orElseThrow(() -> new NotFoundException("Site", id));
	}

	@Transactional
	public Site create(String name) {
		var site = new Site(UUID.randomUUID(), Inputs.name("name", name), 1);
		try {
			sites.insert(site);
		}
		catch (ResourceCollision collision) {
			throw siteNameTaken(site.name());
		}
		log.created(ResourceKind.SITE, site.id(), site.version(), site);
		return site;
	}

	@Transactional
	public Site rename(UUID id, String name, long expectedVersion) {
		var newName = Inputs.name("name", name);
		var current = site(id);
		Inputs.expectVersion(ResourceKind.SITE, id, current.version(), expectedVersion);
		var renamed = new Site(id, newName, current.version() + 1);
		try {
			if (!sites.update(renamed, expectedVersion)) {
				throw Inputs.changedMeanwhile(ResourceKind.SITE, id);
			}
		}
		catch (ResourceCollision collision) {
			throw siteNameTaken(newName);
		}
		log.updated(ResourceKind.SITE, id, renamed.version(), renamed);
		return renamed;
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
