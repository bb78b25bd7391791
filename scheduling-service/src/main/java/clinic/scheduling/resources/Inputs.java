package clinic.scheduling.resources;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;

/**
 * Checks administrators' input, naming the field that is wrong, and the version a change expects. Its bounds are
 * public so that the web edge's request records say the same ({@code @Size(max = Inputs.MAX_NAME)}).
 */
public final class Inputs {

	/** The longest name of a site, room, chair, nurse or clinician. */
	public static final int MAX_NAME = 100;

	/** The longest reason for a closure or an absence. */
	public static final int MAX_REASON = 500;

	/** The most chairs one nurse watches at once. */
	public static final int MAX_CHAIRS_WATCHED = 50;

	static final int MAX_RANGE_DAYS = 400;

	/** The {@code reason} of a 409 whose change was made against a version that is no longer the current one. */
	static final String STALE_VERSION = "STALE_VERSION";

	private Inputs() {
	}

	/** The text stripped of surrounding blanks; not blank and at most {@code max} characters. */
	static String text(String field, @Nullable String value, int max) {
		var stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			throw new InvalidInputException(field, "must not be blank");
		}
		if (stripped.length() > max) {
			throw new InvalidInputException(field, "has at most " + max + " characters");
		}
		return stripped;
	}

	static String name(String field, @Nullable String value) {
		return text(field, value, MAX_NAME);
	}

	static String reason(String field, @Nullable String value) {
		return text(field, value, MAX_REASON);
	}

	/** Longest IANA zone id the events carry (their schemas' limit). */
	public static final int MAX_ZONE = 64;

	/** An IANA time zone id such as Europe/Zurich or America/New_York (not an offset like +01:00). */
	static ZoneId timeZone(String field, String value) {
		var id = value.strip();
		if (id.length() > MAX_ZONE || !ZoneId.getAvailableZoneIds().contains(id)) {
			throw new InvalidInputException(field,
					"'" + value + "' is not an IANA time zone such as Europe/Zurich or America/New_York");
		}
		return ZoneId.of(id);
	}

	/** An ISO weekday: 1 (Monday) to 7 (Sunday). */
	static int weekday(String field, int day) {
		if (day < 1 || day > 7) {
			throw new InvalidInputException(field, "is an ISO weekday from 1 (Monday) to 7 (Sunday), not " + day);
		}
		return day;
	}

	static int chairsWatched(String field, int chairs) {
		if (chairs < 0 || chairs > MAX_CHAIRS_WATCHED) {
			throw new InvalidInputException(field,
					"is how many chairs one nurse watches at once: 0 to " + MAX_CHAIRS_WATCHED + ", not " + chairs);
		}
		return chairs;
	}

	/** A date range for listing: {@code to} not before {@code from}, at most about a year. */
	static void range(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "must not be before from (" + from + ")");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
			throw new InvalidInputException("to", "lies at most " + MAX_RANGE_DAYS + " days after from");
		}
	}

	/** Refuses a change made against a version that is no longer the current one. */
	static void expectVersion(ResourceKind kind, UUID id, long current, long expected) {
		if (current != expected) {
			throw stale(kind, id, current, expected);
		}
	}

	/**
	 * What a stale change is answered with; {@code reason} STALE_VERSION and {@code currentVersion} let a page offer
	 * to reload instead of reading the words.
	 */
	static ConflictException stale(ResourceKind kind, UUID id, long current, long expected) {
		return new ConflictException(kind.label() + " " + id + " is at version " + current + ", not " + expected
				+ ": someone changed it since you read it; reload and try again",
				Map.of("reason", STALE_VERSION, "currentVersion", current));
	}

	/** The row changed between reading and writing it (a concurrent change won). */
	static ConflictException changedMeanwhile(ResourceKind kind, UUID id) {
		return new ConflictException(
				kind.label() + " " + id + " was changed by someone else at the same moment; reload and try again",
				Map.of("reason", STALE_VERSION));
	}
}
