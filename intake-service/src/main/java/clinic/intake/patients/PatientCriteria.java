package clinic.intake.patients;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search whose parts are named by the caller (another system's query, FHIR's {@code identifier}, {@code name},
 * {@code family}, {@code given}, {@code birthdate}), unlike the front desk's one search box ({@link PatientSearch}).
 * Every part given must match; names match at the start of a name part, accents and case ignored.
 *
 * <p>
 * A patient merged into another (ADT^A40) is found by its MRN and identifiers together with its survivor. When both
 * {@code mrn} and {@code identifierValue} are given, either matches (an identifier searched for without a system).
 *
 * @param mrn the clinic's MRN, written as the clinic writes it ({@code MRN-000123})
 * @param identifierSystem another system's identifier system; null: any system
 * @param identifierValue another system's identifier value
 * @param name the start of the given or the family name (or of a word in them)
 * @param bornFrom earliest birth date, inclusive
 * @param bornTo latest birth date, inclusive
 */
public record PatientCriteria(@Nullable String mrn, @Nullable String identifierSystem,
		@Nullable String identifierValue, @Nullable String name, @Nullable String family,
		@Nullable String given, @Nullable LocalDate bornFrom, @Nullable LocalDate bornTo) {
}
