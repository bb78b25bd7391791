package clinic.platform.config;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

	private static final Logger log = LoggerFactory.getLogger(PlatformAutoConfiguration.class);

	/**
	 * The clock every service reads time from; tests replace it with one they move. {@code clinic.clock.offset} (an
	 * ISO-8601 duration, default none) runs it ahead of the system clock, so that a training suite or the end-to-end
	 * test can be "Monday morning" whenever it runs; every service of one suite must get the same offset.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${clinic.clock.offset:PT0S}") Duration offset) {
		if (offset.isZero()) {
			return Clock.systemUTC();
		}
		log.warn("The clinic's clock runs {} ahead of the system clock (clinic.clock.offset): for training and tests, "
				+ "never for a clinic's real day", offset);
		return Clock.offset(Clock.systemUTC(), offset);
	}
}
