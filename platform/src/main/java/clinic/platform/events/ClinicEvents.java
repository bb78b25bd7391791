package clinic.platform.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import clinic.contracts.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events through the transactional outbox: the event is stored with the state change (Spring
 * Modulith's publication registry) and sent to Kafka only after the commit, until Kafka acknowledges it.
 * An event that breaks its published schema fails the whole transaction, so nothing is half-written.
 */
@Component
public class ClinicEvents {

	private final ApplicationEventPublisher publisher;

	private final JsonMapper json;

	ClinicEvents(ApplicationEventPublisher publisher, JsonMapper json) {
		this.publisher = publisher;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(ClinicEvent event) {
		EventSchemas.requireValid(ClinicEvent.typeOf(event), json.writeValueAsBytes(event));
		publisher.publishEvent(event);
	}
}
