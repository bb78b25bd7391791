package clinic.session.discharge;

/** What must hold before nurse and clinician can sign the discharge. */
public enum DischargeCriterion {
	CHECKED_IN, DOSE_GIVEN, INFUSION_ENDED, READING_AFTER_DOSE, ALERTS_ANSWERED, OBSERVATION_TIME,
	VITALS_NEAR_BASELINE, ALERT_AND_ORIENTED, STEADY_GAIT, ESCORT_PRESENT, INSTRUCTIONS_GIVEN
}
