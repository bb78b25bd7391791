/**
 * Eligibility: the rules propose (CLEARED, DECLINED, NEEDS_REVIEW, with every rule that fired and the answer
 * that triggered it); a clinician signs the decision. The rules are data in {@link clinic.intake.eligibility.EligibilityRules},
 * their thresholds versioned settings ({@link clinic.intake.eligibility.RuleSettingsVersion}) that an administrator
 * changes through {@link clinic.intake.eligibility.RuleSettingsService}; each proposal records the version it used.
 */
package clinic.intake.eligibility;
