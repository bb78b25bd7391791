package clinic.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;

/**
 * A stored session that is written back only when something in it changed. Spring Session stamps the last access
 * time on every request, which made every read through the gateway an UPDATE of the session row; here the stamp is
 * kept only once it has moved on by the touch interval (a minute), so reads write at most once a minute per
 * session, while a new attribute (a refreshed token, a CSRF token, the signed-in user) or a new id is saved at once.
 * The idle timeout then runs from the last kept stamp: at most one touch interval early.
 */
final class LazilyTouchedSession implements Session {

	private final Session stored;

	private final Duration touchInterval;

	/**
	 * Not volatile: each request loads its own instance (findById), used by one exchange at a time, and Reactor's
	 * hand-offs between threads (to the scheduler that saves it) already publish what was written before.
	 */
	private boolean changed;

	private LazilyTouchedSession(Session stored, Duration touchInterval, boolean changed) {
		this.stored = stored;
		this.touchInterval = touchInterval;
		this.changed = changed;
	}

	/** A session read from the store: nothing to write yet. */
	static LazilyTouchedSession loaded(Session stored, Duration touchInterval) {
		return new LazilyTouchedSession(stored, touchInterval, false);
	}

	/** A session made just now: written on its first save. */
	static LazilyTouchedSession created(Session fresh, Duration touchInterval) {
		return new LazilyTouchedSession(fresh, touchInterval, true);
	}

	/** The session the store made, to hand back to it. */
	Session stored() {
		return this.stored;
	}

	boolean hasChanges() {
		return this.changed;
	}

	void saved() {
		this.changed = false;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(this.touchInterval))) {
			this.stored.setLastAccessedTime(lastAccessedTime);
			this.changed = true;
		}
	}

	@Override
	public String changeSessionId() {
		this.changed = true;
		return this.stored.changeSessionId();
	}

	@Override
	public void setAttribute(String attributeName, Object attributeValue) {
		this.changed = true;
		this.stored.setAttribute(attributeName, attributeValue);
	}

	@Override
	public void removeAttribute(String attributeName) {
		this.changed = true;
		this.stored.removeAttribute(attributeName);
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.changed = true;
		this.stored.setMaxInactiveInterval(interval);
	}

	@Override
	public String getId() {
		return this.stored.getId();
	}

	@Override
	public <T> T getAttribute(String attributeName) {
		return this.stored.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.stored.getAttributeNames();
	}

	@Override
	public Instant getCreationTime() {
		return this.stored.getCreationTime();
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.stored.getLastAccessedTime();
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.stored.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.stored.isExpired();
	}

}
