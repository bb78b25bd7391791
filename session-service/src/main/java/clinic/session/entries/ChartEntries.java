package clinic.session.entries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.session.records.SessionRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each chart entry count once, however often a tablet sends it, and keeps an entry made on an old view of the
 * record from writing over someone else's change. The entry's effect, its answer and the key it came with are
 * stored in one transaction: either all of it happened or none of it, so a repeat after a lost answer finds the
 * answer, and a repeat after a failure is a first attempt again.
 */
@Service
public class ChartEntries {

	/** What a client may use as a key: a UUID or anything like it, never free text. */
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final IdempotentEntries stored;

	private final SessionRecords records;

	private final JsonMapper json;

	private final Clock clock;

	ChartEntries(IdempotentEntries stored, SessionRecords records, JsonMapper json, Clock clock) {
		this.stored = stored;
		this.records = records;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * An entry as it arrived: its key (none: no repeat is recognised), where it was sent ({@code operation}: method
	 * and path), the request body as read, the record it changes (none when it opens one) and the version of the
	 * record it was made on (none: whatever the record is now).
	 */
	public record Entry(@Nullable String idempotencyKey, String operation, @Nullable Object request,
			@Nullable UUID recordId, @Nullable Long expectedVersion) {
	}

	/** What the change answered: the status and the body to send, and the record it concerns. */
	public record Change(int status, Object body, UUID recordId) {
	}

	/**
	 * The answer as sent: status, JSON body and the record's version after the change; {@code replayed} when it is
	 * the stored answer to an earlier sending of the same entry.
	 */
	public record Answer(int status, String body, @Nullable Long recordVersion, boolean replayed) {
	}

	/**
	 * Carries out {@code change} once for the entry's key. A repeat of an answered entry returns that answer and
	 * changes nothing; the key with another entry (another body, place or user) is a 409 that changes nothing; an
	 * {@code expectedVersion} the record no longer has is a 409 naming both versions. A change that fails stores
	 * nothing, so the same entry can be sent again.
	 */
	@Transactional
	public Answer once(Entry entry, Supplier<Change> change) {
		var key = entry.idempotencyKey();
		var user = CurrentUser.name();
		var hash = sha256(json.writeValueAsString(entry.request()));
		if (key != null) {
			if (!KEY.matcher(key).matches()) {
				throw new InvalidInputException("Idempotency-Key",
						"An Idempotency-Key is 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID per entry)");
			}
			stored.lock(key);
			var earlier = stored.find(key);
			if (earlier.isPresent()) {
				return replay(earlier.get(), user, entry.operation(), hash);
			}
		}
		if (entry.expectedVersion() != null && entry.recordId() != null) {
			requireVersion(entry.recordId(), entry.expectedVersion());
		}
		var done = change.get();
		var body = json.writeValueAsString(done.body());
		var version = records.version(done.recordId()).orElse(null);
		if (key != null) {
			stored.insert(new StoredEntry(key, user, entry.operation(), hash, done.status(), body, version,
					clock.instant().truncatedTo(ChronoUnit.MICROS)));
		}
		return new Answer(done.status(), body, version, false);
	}

	private static Answer replay(StoredEntry earlier, String user, String operation, String hash) {
		if (!earlier.isRepeatedBy(user, operation, hash)) {
			throw new ConflictException("This entry's Idempotency-Key was already used for another entry ("
					+ earlier.operation() + " by " + earlier.requestedBy() + " at " + earlier.answeredAt()
					+ "). Nothing was changed: send a new entry with a key of its own.",
					Map.of("reason", "IDEMPOTENCY_KEY_REUSED"));
		}
		return new Answer(earlier.status(), earlier.responseBody(), earlier.recordVersion(), true);
	}

	private void requireVersion(UUID recordId, long expected) {
		var current = records.versionForChange(recordId)
			.orElseThrow(() -> new NotFoundException("Session record", recordId));
		if (current != expected) {
			throw new ConflictException("Someone saved another entry on this record after you read it (you read "
					+ "version " + expected + "; it is now at version " + current + "). Nothing was overwritten: "
					+ "look at the record as it is now and enter this again if it still applies.",
					Map.of("reason", "RECORD_CHANGED", "readVersion", expected, "currentVersion", current));
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
