package clinic.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code clinic-platform-defaults.properties} as the lowest-precedence settings of every service: the
 * Kafka, outbox, security and database defaults they share. A service's own application.yml or the
 * environment overrides any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("clinicPlatformDefaults",
						new ClassPathResource("clinic-platform-defaults.properties")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
