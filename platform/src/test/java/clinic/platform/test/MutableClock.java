package clinic.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clinic's clock in tests: it follows the system clock until a test sets it, then stands still until the test
 * moves it (due and overdue readings, observation times), and follows the system clock again when told to.
 */
public final class MutableClock extends Clock {

	private volatile Instant fixed;

	private volatile Runnable beforeMoving = () -> {
	};

	/** A clock that follows the system clock until it is set. */
	public MutableClock() {
	}

	public MutableClock(Instant start) {
		this.fixed = start;
	}

	/** Runs before every move, e.g. to let what was stored at the old time go out first. */
	public void beforeMoving(Runnable hook) {
		this.beforeMoving = hook;
	}

	public void advance(Duration by) {
		beforeMoving.run();
		fixed = instant().plus(by);
	}

	public void set(Instant instant) {
		beforeMoving.run();
		fixed = instant;
	}

	public void followSystemClock() {
		if (fixed != null) {
			beforeMoving.run();
			fixed = null;
		}
	}

	@Override
	public Instant instant() {
		var now = fixed;
		return now != null ? now : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** This clock read in another zone: it moves when this one moves. */
	@Override
	public Clock withZone(ZoneId zone) {
		var base = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return base.withZone(other);
			}

			@Override
			public Instant instant() {
				return base.instant();
			}
		};
	}
}
