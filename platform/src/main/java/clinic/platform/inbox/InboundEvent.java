package clinic.platform.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.cloudevents.CloudEvent;

/** The envelope of an event received from another service: CloudEvents attributes and the raw JSON data. */
public record InboundEvent(UUID id, String type, String source, String subject, OffsetDateTime time, byte[] data) {

	public static InboundEvent of(CloudEvent event) {
		UUID id;
		try {
			id = UUID.fromString(event.getId());
		}
		catch (IllegalArgumentException e) {
			throw new UnreadableEventException("CloudEvent id '" + event.getId() + "' is not a UUID", e);
		}
		if (event.getData() == null) {
			throw new UnreadableEventException("CloudEvent " + id + " of type " + event.getType() + " has no data", null);
		}
		return new InboundEvent(id, event.getType(), String.valueOf(event.getSource()), event.getSubject(),
				event.getTime(), event.getData().toBytes());
	}
}
