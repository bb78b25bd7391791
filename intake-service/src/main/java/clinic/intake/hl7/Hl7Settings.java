package clinic.intake.hl7;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MLLP listener ({@code clinic.intake.hl7} in application.yml).
 *
 * @param port the port it listens on; none (the default) leaves it off, 0 takes a free port (tests)
 * @param allowedFacilities the sending facilities (MSH-4, its first component) whose messages are taken; every other
 * sender is refused with AR. MLLP has no tokens, so this and the network (TLS or a VPN) are all that say who sends.
 */
@ConfigurationProperties("clinic.intake.hl7")
public record Hl7Settings(@Nullable Integer port, @Nullable List<String> allowedFacilities) {

	public Hl7Settings {
		allowedFacilities = allowedFacilities == null ? List.of()
				: allowedFacilities.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
		if (port != null && (port < 0 || port > 65535)) {
			throw new IllegalArgumentException("clinic.intake.hl7.port must be 0–65535: " + port);
		}
	}

	boolean allows(@Nullable String facility) {
		return facility != null && allowedFacilities.contains(facility.strip());
	}
}
