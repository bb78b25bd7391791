/**
 * Intake screening: questionnaires scored exactly as published, vitals and weight, and the rules' proposal
 * that a clinician then decides on. The questionnaires are scored by the {@code instruments} module
 * ({@link clinic.instruments}: items, ranges, bands, flags), the same scoring session uses; {@link
 * clinic.intake.screening.Screening} keeps the scores with the rest of the screening.
 */
package clinic.intake.screening;
