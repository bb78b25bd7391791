/** Outcome scores over time per patient, from intake screenings and from completed sessions. */
package clinic.intake.outcomes;
