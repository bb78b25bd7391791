package clinic.session.path;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's settings for when an infusion may be given (application.yml, {@code clinic.session.path}): a record
 * opens at most {@code recordOpensBeforeStart} before the appointment's start (and only on its day, in its site's
 * time zone), and two doses of one patient are at least {@code minimumDoseInterval} apart, whichever courses or
 * boosters they belong to (DOMAIN.md: at least one calendar day between infusions).
 */
@ConfigurationProperties("clinic.session.path")
public record PathSettings(Duration recordOpensBeforeStart, Duration minimumDoseInterval) {

	public PathSettings {
		if (recordOpensBeforeStart == null || recordOpensBeforeStart.isNegative() || minimumDoseInterval == null
				|| minimumDoseInterval.isNegative()) {
			throw new IllegalArgumentException(
					"clinic.session.path needs record-opens-before-start and minimum-dose-interval of at least 0");
		}
	}
}
