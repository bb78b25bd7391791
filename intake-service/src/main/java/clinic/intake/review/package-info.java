/**
 * Review flags: every adverse event reported from a session is recorded for the patient; the grades in
 * {@link clinic.intake.review.ReviewFlagSettings} (default SEVERE, SERIOUS) flag the patient for clinician review
 * until a clinician clears the flag with a reason.
 */
package clinic.intake.review;
