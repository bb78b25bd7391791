package clinic.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event another service may act on. Implementations are small past-tense records annotated with
 * {@link EventType}; they are keyed by patient so one patient's events stay in order, and carry the version of
 * the aggregate they came from so consumers can drop stale ones.
 */
public interface ClinicEvent {

	UUID eventId();

	UUID patientId();

	long aggregateVersion();

	Instant occurredAt();

	static String typeOf(Object event) {
		var annotation = event.getClass().getAnnotation(EventType.class);
		if (annotation == null) {
			throw new IllegalStateException(event.getClass().getName() + " is not annotated with @EventType");
		}
		return annotation.value();
	}
}
