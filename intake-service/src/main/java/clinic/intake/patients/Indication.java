package clinic.intake.patients;

/** What the patient is referred for (DOMAIN.md: indications). */
public enum Indication {
	TREATMENT_RESISTANT_DEPRESSION, ANXIETY, PTSD, CHRONIC_PAIN
}
