package clinic.session.discharge;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.session.doseplans.Route;

/**
 * The clinic's discharge settings (application.yml, {@code clinic.session.discharge}): the least time a patient is
 * observed after dosing, per route. DOMAIN.md: intranasal esketamine (Spravato REMS) at least 2 h; a route not
 * listed needs none beyond the checklist.
 */
@ConfigurationProperties("clinic.session.discharge")
public record DischargeSettings(Map<Route, Duration> minimumObservation) {

	public DischargeSettings {
		minimumObservation = minimumObservation == null ? Map.of() : Map.copyOf(new EnumMap<>(minimumObservation));
	}

	public Duration minimumObservation(Route route) {
		return minimumObservation.getOrDefault(route, Duration.ZERO);
	}
}
