package clinic.platform.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Switches the platform on for every service that has it on the classpath: outbox, inbox, security,
 * problem handling and the audit log. Outbox sending runs asynchronously after commit; resubmission on a schedule.
 */
@AutoConfiguration
@ComponentScan(basePackages = { "clinic.platform.events", "clinic.platform.inbox", "clinic.platform.security",
		"clinic.platform.web", "clinic.platform.audit" })
@EnableAsync
@EnableScheduling
public class PlatformAutoConfiguration {

	/** The clock every service reads time from; tests replace it with a fixed one. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
