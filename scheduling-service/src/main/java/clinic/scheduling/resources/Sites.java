package clinic.scheduling.resources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where sites, their rooms, opening hours and closure days are kept. Writes that take an expected version write
 * nothing and answer false when the row is no longer at it; writes refused by a unique rule throw
 * {@link ResourceCollision}.
 */
public interface Sites {

	List<Site> all();

	Optional<Site> find(UUID id);

	/** The site, its row locked until the transaction ends, so that changes to one site's hours queue up. */
	Optional<Site> lock(UUID id);

	void insert(Site site);

	boolean update(Site site, long expectedVersion);

	/** How many appointments at the site's chairs, not cancelled, end after {@code from}. */
	int appointmentsFrom(UUID siteId, Instant from);

	List<Room> rooms(UUID siteId);

	Optional<Room> findRoom(UUID id);

	void insertRoom(Room room);

	boolean updateRoom(Room room, long expectedVersion);

	/** The site's own opening hours by weekday; empty when it keeps the clinic-wide hours. */
	List<DayHours> hours(UUID siteId);

	/** Replaces the site's opening hours for the whole week (empty: back to the clinic-wide hours). */
	void replaceHours(UUID siteId, List<DayHours> days);

	/** The site's closure days from {@code from} to {@code to}, both included, by date. */
	List<Closure> closures(UUID siteId, LocalDate from, LocalDate to);

	Optional<Closure> findClosure(UUID id);

	void insertClosure(Closure closure);

	boolean deleteClosure(UUID id, long expectedVersion);
}
