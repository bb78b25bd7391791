package clinic.platform.inbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Static membership of the consumer groups: each running instance of a service joins under a name of its own
 * ({@code group.instance.id}), so that an instance restarted under the same name takes its partitions back at once
 * instead of waiting for the group to notice that its old self is gone (30-46 s with the broker's defaults). The
 * name is {@code clinic.instance.name} ({@code CLINIC_INSTANCE_NAME}); by default the host and the server port,
 * which two instances on one machine never share. With a random port (0) the name is random: unique, not sticky.
 * Together with a short {@code session.timeout.ms} (the platform's defaults) a crashed instance that does not come
 * back hands its partitions to the other instances within seconds.
 */
@Component
class ConsumerMembership implements DefaultKafkaConsumerFactoryCustomizer {

	private static final Logger log = LoggerFactory.getLogger(ConsumerMembership.class);

	private final String instanceId;

	ConsumerMembership(Environment environment) {
		var application = environment.getRequiredProperty("spring.application.name");
		var name = environment.getProperty("clinic.instance.name");
		if (name == null || name.isBlank()) {
			var port = environment.getProperty("server.port", "8080");
			name = host() + "-" + (port.equals("0") ? UUID.randomUUID().toString().substring(0, 8) : port);
		}
		this.instanceId = application + "-" + name;
	}

	/** This instance's name in every consumer group it joins. */
	String instanceId() {
		return instanceId;
	}

	@Override
	public void customize(org.springframework.kafka.core.DefaultKafkaConsumerFactory<?, ?> factory) {
		if (factory.getConfigurationProperties().containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
			return;
		}
		log.info("Consumers join their groups as static member {}", instanceId);
		factory.updateConfigs(Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}
}
