package clinic.scheduling.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where the waitlist is kept. */
public interface Waitlist {

	void insert(WaitlistEntry entry);

	/** The entry, locked for the rest of the transaction. */
	Optional<WaitlistEntry> findForUpdate(UUID id);

	/** Entries in this status (all when null), oldest first. */
	List<WaitlistEntry> all(WaitlistEntry.@Nullable Status status);

	/** The course's entries WAITING (at most one). */
	List<WaitlistEntry> waitingOf(UUID courseId);

	/** Whether the course has an entry WAITING. */
	boolean isWaiting(UUID courseId);

	/**
	 * The site's waiting entries that could take a slot from {@code start} to {@code end}, first come first: the
	 * course open (TO_PLAN or ACTIVE) with an infusion left to book, the patient without an appointment then.
	 */
	List<WaitlistEntry> waitingFreeAt(UUID siteId, Instant start, Instant end);

	void close(UUID entryId, WaitlistEntry.Status status, Instant at);

	void insert(WaitlistOffer offer);

	/** The offer, locked for the rest of the transaction. */
	Optional<WaitlistOffer> findOfferForUpdate(UUID id);

	/** Every offer of the slot freed by this appointment, by rank. */
	List<WaitlistOffer> offersOfSlot(UUID freedBy);

	/** Offers to these entries, newest first. */
	List<WaitlistOffer> offersTo(List<UUID> entryIds);

	void answer(UUID offerId, WaitlistOffer.Status status, @Nullable String by, Instant at);

	/** Marks every open offer of the slot, and every open offer to the entry, as taken. */
	void takeOpenOffers(UUID freedBy, UUID entryId, Instant at);

	/** Every open offer of the slot freed by {@code freedBy} is taken (the slot went to someone, or back). */
	void takeOpenOffersOfSlot(UUID freedBy, Instant at);
}
