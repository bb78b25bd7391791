package clinic.intake.patients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;

/**
 * When a registration counts as a likely duplicate ({@code clinic.intake.duplicates} in application.yml): same
 * birth date and a name whose trigram similarity (accents and case ignored) is above {@code nameSimilarity}, or
 * same birth date and the same phone digits. {@code nameSimilarity} is in (0, 1].
 */
@Validated
@ConfigurationProperties("clinic.intake.duplicates")
public record DuplicateSettings(@Positive @DecimalMax("1") double nameSimilarity) {
}
