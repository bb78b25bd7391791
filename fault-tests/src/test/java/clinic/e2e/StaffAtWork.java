package clinic.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A member of staff signed in at the gateway who keeps at a task while parts of the suite are down, the way a page's
 * "try again" does: a call that gets no answer, a 5xx or a lost session (401, or no CSRF cookie after a new session)
 * is sent again, signing in again first for a lost session, with a growing pause, until it gets an answer the path can
 * act on or the patience runs out. Shared by the paths' worker threads (the cookie jar and the HTTP client are).
 */
final class StaffAtWork {

	private final String gateway;

	private final String username;

	private final Duration patience;

	private final AtomicInteger retries = new AtomicInteger();

	private volatile ClinicUser user;

	StaffAtWork(String gateway, String username, Duration patience) {
		this.gateway = gateway;
		this.username = username;
		this.patience = patience;
		this.user = ClinicUser.signedIn(gateway, username);
	}

	/** The first answer below 500 other than a lost session; the failure after {@code patience} of tries. */
	ClinicUser.Reply call(String what, Function<ClinicUser, ClinicUser.Reply> request) {
		var deadline = Instant.now().plus(patience);
		var pause = Duration.ofMillis(200);
		while (true) {
			var current = user;
			String failure;
			try {
				var reply = request.apply(current);
				if (reply.status() == 401 || isCsrfRefusal(reply)) {
					failure = "session lost: " + ClinicUser.describe(reply);
					signInAgain(current);
				}
				else if (reply.status() < 500) {
					return reply;
				}
				else {
					failure = ClinicUser.describe(reply);
				}
			}
			catch (RuntimeException | AssertionError e) {
				failure = e.toString();
				if (String.valueOf(e.getMessage()).contains("XSRF-TOKEN")) {
					signInAgain(current);
				}
			}
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

	/** Calls sent again so far, by every thread. */
	int retries() {
		return retries.get();
	}

	private static boolean isCsrfRefusal(ClinicUser.Reply reply) {
		return reply.status() == 403 && reply.body().contains("CSRF");
	}

	/** One thread signs in again for everyone that saw the same lost session; while Keycloak is down, later. */
	private synchronized void signInAgain(ClinicUser stale) {
		if (user != stale) {
			return;
		}
		try {
			user = ClinicUser.signedIn(gateway, username);
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
