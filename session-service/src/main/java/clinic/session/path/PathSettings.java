package clinic.session.path;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The clinic's settings for when an infusion may be given (application.yml, {@code clinic.session.path}): a record
 * opens at most {@code recordOpensBeforeStart} before the appointment's start (and only on its day, in its site's
 * time zone), and two doses of one patient are at least {@code minimumDoseInterval} apart, whichever courses or
 * boosters they belong to (DOMAIN.md: at least one calendar day between infusions). Both are at least 0.
 */
@Validated
@ConfigurationProperties("clinic.session.path")
public record PathSettings(@NotNull Duration recordOpensBeforeStart, @NotNull Duration minimumDoseInterval) {

	@AssertTrue(message = "clinic.session.path needs record-opens-before-start and minimum-dose-interval of at least 0")
	public boolean isNotNegative() {
		return (recordOpensBeforeStart == null || !recordOpensBeforeStart.isNegative())
				&& (minimumDoseInterval == null || !minimumDoseInterval.isNegative());
	}
}
