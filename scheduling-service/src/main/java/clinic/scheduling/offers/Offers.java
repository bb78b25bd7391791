package clinic.scheduling.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where offers are kept. Expiry is read on the database's clock. */
public interface Offers {

	/** Keeps new proposals (not held). */
	void insert(List<Offer> offers);

	/** Every offer of the group of offer {@code id}, first first, locked to the end of the transaction; empty when unknown. */
	List<Offer> groupOf(UUID id);

	/**
	 * Holds every offer of the group for {@code ttl} from now, for {@code by}; returns until when. Throws
	 * {@link OfferCollision} when the database refuses one.
	 */
	Instant hold(UUID group, Duration ttl, String by);

	/** Removes the group's offers (they are booked). */
	void remove(UUID group);

	/**
	 * Removes offers nobody can act on any more: proposals offered longer than {@code proposalTtl} ago, holds lapsed
	 * that long after being offered.
	 */
	int sweep(Duration proposalTtl);

	/** The database's now, which decides whether a hold lives. */
	Instant now();
}
