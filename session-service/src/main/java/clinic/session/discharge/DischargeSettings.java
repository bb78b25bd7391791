package clinic.session.discharge;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.session.doseplans.Route;

/**
 * The clinic's discharge settings (application.yml, {@code clinic.session.discharge}): the least time a patient is
 * observed after dosing, per route (DOMAIN.md: intranasal esketamine, Spravato REMS, at least 2 h; a route not
 * listed needs none beyond the checklist), and the least time after an IV infusion has ended
 * ({@code postInfusionObservation}, DOMAIN.md's recovery default of 60 min).
 */
@ConfigurationProperties("clinic.session.discharge")
public record DischargeSettings(Map<Route, Duration> minimumObservation, Duration postInfusionObservation) {

	public DischargeSettings {
		minimumObservation = minimumObservation == null ? Map.of() : Map.copyOf(new EnumMap<>(minimumObservation));
		if (postInfusionObservation == null || postInfusionObservation.isNegative()) {
			throw new IllegalArgumentException("clinic.session.discharge.post-infusion-observation must be at least 0");
		}
	}

	public Duration minimumObservation(Route route) {
		return minimumObservation.getOrDefault(route, Duration.ZERO);
	}
}
