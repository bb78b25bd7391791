/**
 * Eligibility: the rules propose (CLEARED, DECLINED, NEEDS_REVIEW, with every rule that fired and the answer
 * that triggered it); a clinician signs the decision. The rules are data in {@link clinic.intake.eligibility.EligibilityRules},
 * their thresholds clinic settings in {@link clinic.intake.eligibility.EligibilitySettings}.
 */
package clinic.intake.eligibility;
