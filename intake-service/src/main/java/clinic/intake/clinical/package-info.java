/**
 * The clinical facts a screening records and the eligibility rules read: vital signs and weight
 * ({@link clinic.intake.clinical.Vitals}) and the clinical history ({@link clinic.intake.clinical.ClinicalHistory}:
 * medical conditions, current medications by class, psychiatric diagnoses). Below both screening and eligibility, so
 * that screening can ask the rules for their proposal without the rules reaching back into screening.
 */
package clinic.intake.clinical;
