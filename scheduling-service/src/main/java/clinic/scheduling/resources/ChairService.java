package clinic.scheduling.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

/**
 * Chairs: an administrator puts them in rooms, names them, gives them attributes (recliner, monitor, ...), moves
 * them between the rooms of their site and takes them out of service and back. Chairs are never deleted: their
 * appointments keep pointing at them. Attributes are what {@link ChairAttributes} allows (what a wish may name),
 * kept in lower case, each once, sorted.
 */
@Service
public class ChairService {

	private final Chairs chairs;

	private final Sites sites;

	private final RevisionLog log;

	ChairService(Chairs chairs, Sites sites, RevisionLog log) {
		this.chairs = chairs;
		this.sites = sites;
		this.log = log;
	}

	@Transactional(readOnly = true)
	public List<Chair> chairs(@Nullable UUID siteId, @Nullable UUID roomId, boolean includeInactive) {
		return chairs.list(siteId, roomId, includeInactive);
	}

	@Transactional(readOnly = true)
	public Chair chair(UUID id) {
		return chairs.find(id).orElseThrow(() -> new NotFoundException("Chair", id));
	}

	@Transactional
	public Chair create(UUID roomId, String name, @Nullable List<String> attributes) {
		var chairName = Inputs.name("name", name);
		var attrs = attributes(attributes);
		var room = sites.findRoom(roomId).orElseThrow(() -> new NotFoundException("Room", roomId));
		var chair = new Chair(UUID.randomUUID(), chairName, room.siteId(), room.siteName(), room.id(), room.name(),
				attrs, true, 1);
		try {
			chairs.insert(chair);
		}
		catch (ResourceCollision collision) {
			throw nameTaken(room.siteName(), chairName);
		}
		log.created(ResourceKind.CHAIR, chair.id(), chair.version(), chair);
		return chair;
	}

	/** A chair's new name, attributes and room (a room of the chair's site). */
	@Transactional
	public Chair change(UUID id, String name, @Nullable List<String> attributes, UUID roomId, long expectedVersion) {
		var chairName = Inputs.name("name", name);
		var attrs = attributes(attributes);
		var current = chair(id);
		var room = sites.findRoom(roomId)
			.orElseThrow(() -> new InvalidInputException("roomId", "There is no room " + roomId));
		if (!room.siteId().equals(current.siteId())) {
			throw new InvalidInputException("roomId", "Room '" + room.name() + "' is at " + room.siteName() + "; "
					+ current.name() + " moves only between the rooms of " + current.siteName());
		}
		Inputs.expectVersion(ResourceKind.CHAIR, id, current.version(), expectedVersion);
		var changed = new Chair(id, chairName, current.siteId(), current.siteName(), room.id(), room.name(), attrs,
				current.active(), current.version() + 1);
		return write(changed, expectedVersion, current.siteName());
	}

	/** Takes the chair out of service: it is offered for no new booking (booked appointments stay). */
	@Transactional
	public Chair deactivate(UUID id, long expectedVersion) {
		return setActive(id, false, expectedVersion);
	}

	/** Puts the chair back into service. */
	@Transactional
	public Chair reactivate(UUID id, long expectedVersion) {
		return setActive(id, true, expectedVersion);
	}

	private Chair setActive(UUID id, boolean active, long expectedVersion) {
		var current = chair(id);
		Inputs.expectVersion(ResourceKind.CHAIR, id, current.version(), expectedVersion);
		if (current.active() == active) {
			throw new ConflictException(current.name() + " is already " + (active ? "in" : "out of") + " service");
		}
		var changed = new Chair(id, current.name(), current.siteId(), current.siteName(), current.roomId(),
				current.roomName(), current.attributes(), active, current.version() + 1);
		return write(changed, expectedVersion, current.siteName());
	}

	private Chair write(Chair changed, long expectedVersion, String siteName) {
		try {
			if (!chairs.update(changed, expectedVersion)) {
				throw Inputs.changedMeanwhile(ResourceKind.CHAIR, changed.id());
			}
		}
		catch (ResourceCollision collision) {
			throw nameTaken(siteName, changed.name());
		}
		log.updated(ResourceKind.CHAIR, changed.id(), changed.version(), changed);
		return changed;
	}

	private static ConflictException nameTaken(String site, String name) {
		return new ConflictException(site + " already has a chair named '" + name + "'");
	}

	static List<String> attributes(@Nullable List<String> attributes) {
		if (attributes == null) {
			return List.of();
		}
		if (attributes.size() > ChairAttributes.MAX_PER_CHAIR) {
			throw new InvalidInputException("attributes",
					"A chair has at most " + ChairAttributes.MAX_PER_CHAIR + " attributes");
		}
		var clean = new ArrayList<String>();
		for (int i = 0; i < attributes.size(); i++) {
			var attribute = ChairAttributes.ofChair("attributes[" + i + "]", attributes.get(i));
			if (!clean.contains(attribute)) {
				clean.add(attribute);
			}
		}
		clean.sort(null);
		return List.copyOf(clean);
	}
}
