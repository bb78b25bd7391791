package clinic.scheduling.patients;

/** A clinician's signed eligibility decision, as intake publishes it. */
public enum Eligibility {
	CLEARED, DECLINED
}
