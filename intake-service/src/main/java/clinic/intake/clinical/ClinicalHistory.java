package clinic.intake.clinical;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import clinic.platform.problems.InvalidInputException;

/**
 * Diagnosis and treatment history, medical history and medications taken at screening: the facts the eligibility
 * rules read beside the questionnaires and vitals. Answers not given are empty (sets, lists), {@code null}
 * ({@code substanceUse}) or {@code false} ({@code onMoodStabiliser}); {@link #checked()} rejects combinations a
 * rule cannot read, naming the field.
 */
public record ClinicalHistory(Set<Diagnosis> diagnoses, List<AntidepressantTrial> antidepressantTrials,
		Set<MedicalCondition> medicalHistory, SubstanceUse substanceUse, Boolean onMoodStabiliser,
		List<Medication> currentMedications) {

	public static final ClinicalHistory NONE = new ClinicalHistory(Set.of(), List.of(), Set.of(), null, null,
			List.of());

	public ClinicalHistory {
		diagnoses = diagnoses == null ? Set.of() : Set.copyOf(diagnoses);
		antidepressantTrials = antidepressantTrials == null ? List.of() : List.copyOf(antidepressantTrials);
		medicalHistory = medicalHistory == null ? Set.of() : Set.copyOf(medicalHistory);
		currentMedications = currentMedications == null ? List.of() : List.copyOf(currentMedications);
	}

	public enum Diagnosis {
		MAJOR_DEPRESSIVE_DISORDER, BIPOLAR_DISORDER, PSYCHOTIC_DISORDER, PTSD, GAD, SUBSTANCE_USE_DISORDER,
		CHRONIC_PAIN, OTHER
	}

	/** Coded conditions of the medical history the contraindications are written against (DOMAIN.md). */
	public enum MedicalCondition {
		KETAMINE_HYPERSENSITIVITY, RECENT_STROKE, INTRACEREBRAL_HAEMORRHAGE, ANEURYSMAL_VASCULAR_DISEASE,
		ARTERIOVENOUS_MALFORMATION, SEVERE_CORONARY_DISEASE, SEVERE_MYOCARDIAL_DISEASE, OTHER_HEART_CONDITION,
		PREGNANCY, ACTIVE_PSYCHOSIS, UNTREATED_HYPERTHYROIDISM, RAISED_INTRACRANIAL_PRESSURE, CEREBRAL_TRAUMA,
		CONTROLLED_HYPERTENSION
	}

	public enum DrugClass {
		BENZODIAZEPINE, Z_DRUG_HYPNOTIC, PSYCHOSTIMULANT, MAOI, OTHER
	}

	/** An antidepressant tried before: {@code adequate} dose and duration, and whether it {@code failed}. */
	public record AntidepressantTrial(String drug, boolean adequate, boolean failed) {
	}

	/**
	 * Substance use: a history of substance use disorder, current use, and since when the patient has been abstinent
	 * ({@code null} when not abstinent or unknown).
	 */
	public record SubstanceUse(boolean disorderHistory, boolean activeUse, LocalDate abstinentSince) {
	}

	public record Medication(String name, DrugClass drugClass) {
	}

	/**
	 * This history if every rule can read it: a bipolar disorder needs {@code onMoodStabiliser} answered, a
	 * substance use disorder needs {@code substanceUse}; abstinence cannot start after {@code screenedOn} nor
	 * coexist with active use.
	 */
	public ClinicalHistory checked(LocalDate screenedOn) {
		if (diagnoses.contains(Diagnosis.BIPOLAR_DISORDER) && onMoodStabiliser == null) {
			throw new InvalidInputException("onMoodStabiliser",
					"With a bipolar disorder, say whether the patient takes a mood stabiliser");
		}
		if (diagnoses.contains(Diagnosis.SUBSTANCE_USE_DISORDER) && substanceUse == null) {
			throw new InvalidInputException("substanceUse",
					"With a substance use disorder, give the substance use history (active use, abstinent since)");
		}
		if (substanceUse != null && substanceUse.abstinentSince() != null) {
			if (substanceUse.abstinentSince().isAfter(screenedOn)) {
				throw new InvalidInputException("substanceUse.abstinentSince",
						"Abstinence cannot start after the screening date " + screenedOn);
			}
			if (substanceUse.activeUse()) {
				throw new InvalidInputException("substanceUse.abstinentSince",
						"A patient in active use is not abstinent: leave abstinentSince out or set activeUse false");
			}
		}
		return this;
	}

	/** Whether a substance use disorder is on record, as a diagnosis or in the substance use history. */
	public boolean substanceUseDisorder() {
		return diagnoses.contains(Diagnosis.SUBSTANCE_USE_DISORDER)
				|| (substanceUse != null && substanceUse.disorderHistory());
	}

	/** Failed antidepressant trials of adequate dose and duration. */
	public long failedAdequateTrials() {
		return antidepressantTrials.stream().filter(t -> t.adequate() && t.failed()).count();
	}
}
