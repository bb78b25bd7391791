package clinic.intake.patients;

/** Where a patient is on the intake path. */
public enum PatientStatus {
	REFERRED, SCREENED, CLEARED, DECLINED
}
