package clinic.intake.patients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a registration counts as a likely duplicate ({@code clinic.intake.duplicates} in application.yml): same
 * birth date and a name whose trigram similarity (accents and case ignored) is above {@code nameSimilarity}, or
 * same birth date and the same phone digits.
 */
@ConfigurationProperties("clinic.intake.duplicates")
public record DuplicateSettings(double nameSimilarity) {

	public DuplicateSettings {
		if (nameSimilarity <= 0 || nameSimilarity > 1) {
			throw new IllegalArgumentException("clinic.intake.duplicates.name-similarity must be in (0, 1]: "
					+ nameSimilarity);
		}
	}
}
