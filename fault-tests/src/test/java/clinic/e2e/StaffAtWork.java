package clinic.e2e;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * A member of staff signed in at the gateway who keeps at a task while parts of the suite are down, the way a page's
 * "try again" does: a call that gets no answer, a 5xx or a lost session (401, or no CSRF cookie after a new session)
 * is sent again, signing in again first for a lost session, with a growing pause, until it gets an answer the path can
 * act on or the patience runs out. A call that must not take effect twice and has no idempotency key
 * ({@link #callOnce}) is sent again only after a look at the record has shown that the lost try left nothing behind.
 * Shared by the paths' worker threads (the cookie jar and the HTTP client are).
 */
final class StaffAtWork {

	/**
	 * What came of a {@link #callOnce}: the answer to the request, or ({@code earlier}) what an earlier try whose
	 * answer was lost had already done, as the look-up found it.
	 */
	record Sent(ClinicUser.Reply reply, JsonNode earlier) {
	}

	/** The gateways this person may work at, theirs first (one, or two with {@code --instances 2}). */
	private final List<String> gateways;

	private final String username;

	private final Duration patience;

	private final AtomicInteger retries = new AtomicInteger();

	private volatile ClinicUser user;

	StaffAtWork(String gateway, String username, Duration patience) {
		this(List.of(gateway), username, patience);
	}

	/**
	 * Signed in at the first of {@code gateways}; while the gateway in use cannot be reached at all (connection
	 * refused) the person goes on at the next one in the same browser session, as a load balancer in front of the
	 * gateways would send them.
	 */
	StaffAtWork(List<String> gateways, String username, Duration patience) {
		this.gateways = List.copyOf(gateways);
		this.username = username;
		this.patience = patience;
		this.user = ClinicUser.signedIn(this.gateways.get(0), username);
	}

	/** The first answer below 500 other than a lost session; the failure after {@code patience} of tries. */
	ClinicUser.Reply call(String what, Function<ClinicUser, ClinicUser.Reply> request) {
		var tries = new Tries(what);
		while (true) {
			var attempt = once(request);
			if (attempt.usable() != null) {
				return attempt.usable();
			}
			tries.failed(attempt.failure());
		}
	}

	/**
	 * As {@link #call}, for a request without an idempotency key whose effect must not be doubled (a screening, a
	 * decision): a try that got no usable answer may have gone through before its answer was lost (the service killed
	 * after its commit), so before sending it again the person reads the record ({@code lookUp}, itself tried until it
	 * answers 200) and looks there for its effect ({@code find}). Found, that is the outcome; not found, the request is
	 * sent again. It is never sent again while the look-up cannot tell.
	 */
	Sent callOnce(String what, Function<ClinicUser, ClinicUser.Reply> request,
			Function<ClinicUser, ClinicUser.Reply> lookUp, Function<JsonNode, Optional<JsonNode>> find) {
		var tries = new Tries(what);
		while (true) {
			var attempt = once(request);
			if (attempt.usable() != null) {
				return new Sent(attempt.usable(), null);
			}
			tries.failed(attempt.failure());
			while (true) {
				var look = once(lookUp);
				if (look.usable() != null && look.usable().status() == 200) {
					var earlier = find.apply(look.usable().json());
					if (earlier.isPresent()) {
						return new Sent(null, earlier.get());
					}
					break; // the lost try left nothing: send it again
				}
				tries.failed("looking whether the last try went through: "
						+ (look.usable() != null ? ClinicUser.describe(look.usable()) : look.failure()));
			}
		}
	}

	/** Calls sent again so far, by every thread. */
	int retries() {
		return retries.get();
	}

	/** One try: {@code usable} is an answer the path can act on, otherwise {@code failure} says what went wrong. */
	private record Attempt(ClinicUser.Reply usable, String failure) {
	}

	private Attempt once(Function<ClinicUser, ClinicUser.Reply> request) {
		var current = user;
		try {
			var reply = request.apply(current);
			if (reply.status() == 401 || isCsrfRefusal(reply)) {
				signInAgain(current);
				return new Attempt(null, "session lost: " + ClinicUser.describe(reply));
			}
			if (reply.status() < 500) {
				return new Attempt(reply, null);
			}
			return new Attempt(null, ClinicUser.describe(reply));
		}
		catch (RuntimeException | AssertionError e) {
			if (String.valueOf(e.getMessage()).contains("XSRF-TOKEN")) {
				signInAgain(current);
			}
			else if (refused(e)) {
				goOnAtAnotherGateway(current);
			}
			return new Attempt(null, e.toString());
		}
	}

	/** The tries of one call: counts each one sent again, pauses between them, gives up after the patience. */
	private final class Tries {

		private final String what;

		private final Instant deadline = Instant.now().plus(patience);

		private Duration pause = Duration.ofMillis(200);

		Tries(String what) {
			this.what = what;
		}

		void failed(String failure) {
			retries.incrementAndGet();
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError(username + " " + what + ": no usable answer within " + patience
						+ "; the last: " + failure);
			}
			waitBeforeTryingAgain(pause);
			pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
					: pause.multipliedBy(2);
		}
	}

	private static boolean isCsrfRefusal(ClinicUser.Reply reply) {
		return reply.status() == 403 && reply.body().contains("CSRF");
	}

	private static boolean refused(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	/** The same session at the next gateway, when there is another one; the same thread-safety as signing in again. */
	private synchronized void goOnAtAnotherGateway(ClinicUser stale) {
		if (user != stale || gateways.size() < 2) {
			return;
		}
		var next = gateways.get((gateways.indexOf(stale.gateway()) + 1) % gateways.size());
		user = stale.at(next);
	}

	/** One thread signs in again for everyone that saw the same lost session; while Keycloak is down, later. */
	private synchronized void signInAgain(ClinicUser stale) {
		if (user != stale) {
			return;
		}
		try {
			user = ClinicUser.signedIn(stale.gateway(), username);
		}
		catch (RuntimeException | AssertionError e) {
			// the gateway or Keycloak is still down: the next try signs in again
		}
	}

	/** The client's pause between two tries (not a test waiting for a condition). */
	private static void waitBeforeTryingAgain(Duration pause) {
		try {
			TimeUnit.MILLISECONDS.sleep(pause.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
