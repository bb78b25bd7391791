package clinic.scheduling.resources;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where the clinic's chairs are kept. */
public interface Chairs {

	/** Every chair, in service or not, by site and name. */
	List<Chair> all();

	/** The chairs of a site or room (null: any), by site and name; inactive ones only when asked for. */
	List<Chair> list(@Nullable UUID siteId, @Nullable UUID roomId, boolean includeInactive);

	Optional<Chair> find(UUID id);

	/**
	 * Stores a new chair (its site and room names are not stored).
	 * @throws ResourceCollision when its site has a chair of that name
	 */
	void insert(Chair chair);

	/**
	 * Writes the chair's name, room, site, attributes, active flag and version if it is still at
	 * {@code expectedVersion}; false when it is not (nothing written).
	 * @throws ResourceCollision when its site has another chair of that name
	 */
	boolean update(Chair chair, long expectedVersion);
}
