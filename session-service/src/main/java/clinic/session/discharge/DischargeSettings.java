package clinic.session.discharge;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.session.doseplans.Route;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The clinic's discharge settings (application.yml, {@code clinic.session.discharge}): the least time a patient is
 * observed after dosing, per route (DOMAIN.md: intranasal esketamine, Spravato REMS, at least 2 h; a route not
 * listed needs none beyond the checklist), and the least time after an IV infusion has ended
 * ({@code postInfusionObservation}, DOMAIN.md's recovery default of 60 min). Each is at least 0.
 */
@Validated
@ConfigurationProperties("clinic.session.discharge")
public record DischargeSettings(Map<Route, Duration> minimumObservation,
		@NotNull Duration postInfusionObservation) {

	/** No route listed is none needing more than the checklist; the routes given, immutable. */
	public DischargeSettings {
		minimumObservation = minimumObservation == null || minimumObservation.isEmpty() ? Map.of()
				: Map.copyOf(new EnumMap<>(minimumObservation));
	}

	@AssertTrue(message = "clinic.session.discharge: each minimum-observation and post-infusion-observation must be "
			+ "at least 0")
	public boolean isNotNegative() {
		return (postInfusionObservation == null || !postInfusionObservation.isNegative())
				&& minimumObservation.values().stream().allMatch(d -> !d.isNegative());
	}

	public Duration minimumObservation(Route route) {
		return minimumObservation.getOrDefault(route, Duration.ZERO);
	}
}
