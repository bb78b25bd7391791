package clinic.intake.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;

/** Registers patients with their referral and moves them along the intake path. */
@Service
public class PatientService {

	private final Patients patients;

	private final ClinicEvents events;

	private final Clock clock;

	private final DuplicateSettings duplicates;

	PatientService(Patients patients, ClinicEvents events, Clock clock, DuplicateSettings duplicates) {
		this.patients = patients;
		this.events = events;
		this.clock = clock;
		this.duplicates = duplicates;
	}

	/**
	 * A new patient with the referral. {@code confirmedNotDuplicate}: the front desk saw the likely duplicates
	 * and confirms this is another person.
	 */
	public record Registration(String givenName, String familyName, LocalDate birthDate, String phone,
			String referringClinician, String reason, Indication indication, boolean confirmedNotDuplicate) {
	}

	/** Another referral for a registered patient; attachments are metadata only. */
	public record NewReferral(String referringClinician, String reason, Indication indication,
			List<Referral.Attachment> attachments) {
	}

	/** New personal data for a patient read at {@code version}. */
	public record Change(String givenName, String familyName, LocalDate birthDate, String phone, long version) {
	}

	/**
	 * Registers the patient with the referral, unless a likely duplicate is registered already and the front desk
	 * has not confirmed that this is another person ({@link LikelyDuplicateException} lists the candidates).
	 */
	@Transactional
	public Patient register(Registration registration) {
		return register(registration, List.of(), CurrentUser.name());
	}

	/** Another system's identifier of a patient, as a client or message sends it. */
	public record NewIdentifier(String system, String value, @Nullable String assigner) {
	}

	/**
	 * Registers the patient with the referral and other systems' identifiers, unless one of them is held by another
	 * patient ({@link IdentifierHeldException}, nothing written) or the registration is a likely duplicate;
	 * {@code by}: who sends it (a user, or an HL7 sender).
	 */
	@Transactional
	public Patient register(Registration registration, List<NewIdentifier> identifiers, String by) {
		checkBirthDate(registration.birthDate());
		for (var identifier : identifiers) {
			var holder = patients.holderOf(identifier.system(), identifier.value());
			if (holder.isPresent()) {
				throw new IdentifierHeldException(identifier.system(), identifier.value(), get(holder.get()));
			}
		}
		if (!registration.confirmedNotDuplicate()) {
			patients.holdRegistrationsBornOn(registration.birthDate());
			var candidates = patients.likelyDuplicates(registration.givenName().strip(),
					registration.familyName().strip(), registration.birthDate(), registration.phone(),
					duplicates.nameSimilarity());
			if (!candidates.isEmpty()) {
				throw new LikelyDuplicateException(candidates);
			}
		}
		var now = clock.instant();
		var patient = new Patient(UUID.randomUUID(), patients.nextMrn(), registration.givenName().strip(),
				registration.familyName().strip(), registration.birthDate(), registration.phone(),
				PatientStatus.REFERRED, 1, now);
		patients.insert(patient);
		var referral = Referral.received(patient.id(), registration.referringClinician(), registration.reason(),
				registration.indication(), List.of(), now);
		patients.insert(referral);
		hold(patient.id(), identifiers, by);
		events.publish(PatientRegistered.of(patient));
		events.publish(ReferralReceived.of(referral, patient.version()));
		return patient;
	}

	@Transactional(readOnly = true)
	public Patient get(UUID id) {
		return patients.find(id).orElseThrow(() -> new NotFoundException("Patient", id));
	}

	/** The patient, locked until the transaction ends: decisions on one patient are taken one at a time. */
	@Transactional
	public Patient getForUpdate(UUID id) {
		return patients.findForUpdate(id).orElseThrow(() -> new NotFoundException("Patient", id));
	}

	/** Adds a referral for a registered patient and publishes referral-received. */
	@Transactional
	public Referral addReferral(UUID patientId, NewReferral newReferral) {
		var patient = get(patientId);
		var referral = Referral.received(patientId, newReferral.referringClinician(), newReferral.reason(),
				newReferral.indication(), newReferral.attachments(), clock.instant());
		patients.insert(referral);
		events.publish(ReferralReceived.of(referral, patient.version()));
		return referral;
	}

	@Transactional(readOnly = true)
	public List<Referral> referralsOf(UUID id) {
		return patients.referralsOf(id);
	}

	/** At most this many patients answer a search. */
	public static final int SEARCH_LIMIT = 50;

	@Transactional(readOnly = true)
	public List<Patient> search(String query) {
		return patients.search(PatientSearch.parse(query), SEARCH_LIMIT);
	}

	/** A page of the patients matching every part of {@code criteria} (another system's search), and their number. */
	@Transactional(readOnly = true)
	public Found<Patient> find(PatientCriteria criteria, int offset, int limit) {
		return patients.find(criteria, offset, limit);
	}

	@Transactional(readOnly = true)
	public Referral referral(UUID id) {
		return patients.findReferral(id).orElseThrow(() -> new NotFoundException("Referral", id));
	}

	/** A page of the referrals matching {@code criteria}, and their number. */
	@Transactional(readOnly = true)
	public Found<Referral> findReferrals(ReferralCriteria criteria, int offset, int limit) {
		return patients.findReferrals(criteria, offset, limit);
	}

	/**
	 * Changes the patient's personal data if nobody changed the patient since {@code change.version()} was read,
	 * and publishes patient-updated with the new version.
	 */
	@Transactional
	public Patient update(UUID id, Change change) {
		checkBirthDate(change.birthDate());
		var current = get(id);
		if (current.version() != change.version()) {
			throw new ConflictException("Patient " + id + " was changed by someone else (version " + current.version()
					+ ", you sent " + change.version() + "); reload and try again");
		}
		var updated = new Patient(id, current.mrn(), change.givenName().strip(), change.familyName().strip(),
				change.birthDate(), change.phone(), current.status(), current.version() + 1, current.createdAt());
		patients.update(updated);
		events.publish(PatientUpdated.of(updated, clock.instant()));
		return updated;
	}

	/**
	 * Moves the patient to a new status; returns the patient with its new version. The patient's open referrals
	 * follow: a screening moves them to SCREENED, a signed decision (CLEARED or DECLINED) to DECIDED.
	 */
	@Transactional
	public Patient changeStatus(UUID id, PatientStatus status) {
		var changed = get(id).withStatus(status);
		patients.update(changed);
		var referralState = switch (status) {
			case REFERRED -> null;
			case SCREENED -> ReferralState.SCREENED;
			case CLEARED, DECLINED -> ReferralState.DECIDED;
		};
		if (referralState != null) {
			for (var referral : patients.referralsOf(id)) {
				if (referral.state().canMoveTo(referralState)) {
					var moved = referralState == ReferralState.SCREENED ? referral.screened() : referral.decided();
					patients.moveReferral(moved, referral.state());
				}
			}
		}
		return changed;
	}

	/**
	 * Adds other systems' identifiers to the patient (those it holds already, itself or through a patient merged into
	 * it, are left as they are); refused whole if another patient holds one ({@link IdentifierHeldException}).
	 */
	@Transactional
	public void addIdentifiers(UUID patientId, List<NewIdentifier> identifiers, String by) {
		get(patientId);
		hold(patientId, identifiers, by);
	}

	private void hold(UUID patientId, List<NewIdentifier> identifiers, String by) {
		var now = clock.instant();
		for (var identifier : identifiers) {
			var holder = patients.holdIdentifier(new PatientIdentifier(identifier.system(), identifier.value(),
					identifier.assigner(), patientId, by, now));
			if (!holder.equals(patientId) && !patientId.equals(patients.identityOf(holder).mergedInto())) {
				throw new IdentifierHeldException(identifier.system(), identifier.value(), get(holder));
			}
		}
	}

	/** The patient who holds another system's identifier (not followed to a survivor), if one does. */
	@Transactional(readOnly = true)
	public Optional<Patient> holderOf(String system, String value) {
		return patients.holderOf(system, value).map(this::get);
	}

	/** The patient's other systems' identifiers and merges. */
	@Transactional(readOnly = true)
	public PatientIdentity identity(UUID id) {
		return patients.identityOf(id);
	}

	/**
	 * Merges {@code retiredId} into {@code survivorId} (ADT^A40): the retired patient keeps its record, identifiers,
	 * referrals and screenings, marked merged into the survivor; nothing is moved or deleted. Refused when both are
	 * the same patient, or either was merged already (a merged patient neither survives nor is retired again).
	 */
	@Transactional
	public Patient merge(UUID survivorId, UUID retiredId, String by) {
		if (survivorId.equals(retiredId)) {
			throw new InvalidInputException("retired", "The patient to retire is the surviving patient (" + survivorId
					+ "): a patient is not merged into itself");
		}
		// one lock order for every merge, so two merges of the same pair cannot wait on each other
		var first = survivorId.compareTo(retiredId) < 0 ? survivorId : retiredId;
		var second = first.equals(survivorId) ? retiredId : survivorId;
		patients.findForUpdate(first).orElseThrow(() -> new NotFoundException("Patient", first));
		patients.findForUpdate(second).orElseThrow(() -> new NotFoundException("Patient", second));
		var survivor = get(survivorId);
		var retired = get(retiredId);
		var survivorMerged = patients.identityOf(survivorId).mergedInto();
		if (survivorMerged != null) {
			throw new ConflictException("The surviving patient " + survivor.mrn() + " was itself merged into Patient/"
					+ survivorMerged + "; merge into that patient");
		}
		var retiredMerged = patients.identityOf(retiredId).mergedInto();
		if (retiredMerged != null) {
			throw new ConflictException("Patient " + retired.mrn() + " was merged already, into Patient/"
					+ retiredMerged);
		}
		patients.markMerged(retiredId, survivorId, clock.instant(), by);
		return survivor;
	}

	/**
	 * The oldest a living patient can plausibly be, a bound on what is typed like the vitals' plausibility bounds
	 * (not a clinical threshold): an earlier birth date is a slip of the year (1850 for 1950).
	 */
	static final int OLDEST_PLAUSIBLE_AGE_YEARS = 130;

	private void checkBirthDate(LocalDate birthDate) {
		var today = clock.instant().atZone(clock.getZone()).toLocalDate();
		if (birthDate != null && birthDate.isBefore(today.minusYears(OLDEST_PLAUSIBLE_AGE_YEARS))) {
			throw new InvalidInputException("birthDate", "Birth date " + birthDate + " is more than "
					+ OLDEST_PLAUSIBLE_AGE_YEARS + " years ago: check the year");
		}
	}
}
