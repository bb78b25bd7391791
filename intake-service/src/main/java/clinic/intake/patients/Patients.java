package clinic.intake.patients;

import java.time.Instant;
import java.time.LocalDate;
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

	/** The patient, locked until the transaction ends (decisions on one patient are taken one at a time). */
	Optional<Patient> findForUpdate(UUID id);

	/** Patients matching the search, best first (exact MRN, then the most similar name), at most {@code limit}. */
	List<Patient> search(PatientSearch search, int limit);

	/** Patients matching every part of {@code criteria} in name order (family, given, birth date), a page of them. */
	Found<Patient> find(PatientCriteria criteria, int offset, int limit);

	/**
	 * Holds, until the transaction ends, every other registration of a patient born on {@code birthDate}: the
	 * duplicate check and the insert of one registration are then seen whole by the next, so two desks (or a resend
	 * whose first try is still running) cannot both find no duplicate and both register the same person.
	 */
	void holdRegistrationsBornOn(LocalDate birthDate);

	/**
	 * Registered patients born on {@code birthDate} whose name is more similar than {@code nameSimilarity} (trigram
	 * similarity, accents and case ignored) or whose phone has the same digits; most similar first.
	 */
	List<Patient> likelyDuplicates(String givenName, String familyName, LocalDate birthDate, String phone,
			double nameSimilarity);

	void insert(Referral referral);

	List<Referral> referralsOf(UUID patientId);

	Optional<Referral> findReferral(UUID id);

	/** Referrals matching {@code criteria}, oldest first, a page of them. */
	Found<Referral> findReferrals(ReferralCriteria criteria, int offset, int limit);

	/** Saves the referral's new state if it is still {@code from} (nobody moved it meanwhile). */
	void moveReferral(Referral moved, ReferralState from);

	/**
	 * Keeps scheduling's news of the patient's consultation unless news as new or newer is kept already; returns
	 * whether it was kept.
	 */
	boolean saveConsultationIfNewer(PatientConsultation consultation);

	Optional<PatientConsultation> consultationOf(UUID patientId);

	/**
	 * Keeps the identifier for its patient unless a patient holds its system and value already (one kept row each,
	 * never replaced); returns the id of the patient who holds it now.
	 */
	UUID holdIdentifier(PatientIdentifier identifier);

	/** The patient who holds another system's identifier, if one does. */
	Optional<UUID> holderOf(String system, String value);

	/** The patient's identifiers, merges and the patients merged into it. */
	PatientIdentity identityOf(UUID patientId);

	/** Marks {@code retired} merged into {@code survivor} (and raises its version); nothing else of it changes. */
	void markMerged(UUID retired, UUID survivor, Instant at, String by);
}
