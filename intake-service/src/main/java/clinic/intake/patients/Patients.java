package clinic.intake.patients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where patients and referrals are kept. */
public interface Patients {

	String nextMrn();

	void insert(Patient patient);

	/** Saves a changed patient if nobody changed it since it was read (optimistic check on the version). */
	void update(Patient patient);

	Optional<Patient> find(UUID id);

	List<Patient> search(String query, int limit);

	void insert(Referral referral);

	List<Referral> referralsOf(UUID patientId);
}
