package clinic.platform.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import clinic.contracts.EventSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives events exactly once in effect: the event id is stored in {@code inbox_event} in the same transaction
 * as the handler's effect. Data that breaks the producer's published schema is refused before any handler runs.
 */
@Component
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final Map<String, EventHandler<?>> handlers;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Inbox(List<EventHandler<?>> handlers, JdbcClient jdbc, JsonMapper json) {
		this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Handles the event unless it was handled before. Returns whether the handler ran. */
	@Transactional
	public boolean receive(InboundEvent event) {
		var handler = handlers.get(event.type());
		if (handler == null) {
			log.debug("No handler for {} {}; skipped", event.type(), event.id());
			return false;
		}
		EventSchemas.requireValid(event.type(), event.data());
		int claimed = jdbc.sql("""
				insert into inbox_event (event_id, event_type, source, subject, received_at)
				values (:id, :type, :source, :subject, now()) on conflict (event_id) do nothing""")
			.param("id", event.id())
			.param("type", event.type())
			.param("source", event.source())
			.param("subject", event.subject())
			.update();
		if (claimed == 0) {
			log.info("Event {} ({}) was already handled; redelivery ignored", event.id(), event.type());
			return false;
		}
		dispatch(handler, event);
		return true;
	}

	private <T> void dispatch(EventHandler<T> handler, InboundEvent event) {
		T data;
		try {
			data = json.readValue(event.data(), handler.dataType());
		}
		catch (JacksonException e) {
			throw new UnreadableEventException("Data of " + event.type() + " " + event.id() + " cannot be read", e);
		}
		handler.handle(data, event);
	}

	public boolean handles(String type) {
		return handlers.containsKey(type);
	}
}
