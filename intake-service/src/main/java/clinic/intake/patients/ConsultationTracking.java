package clinic.intake.patients;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows scheduling's news of each patient's consultation and moves the patient's referrals with it: a booked (or
 * moved) consultation takes the referrals still RECEIVED to CONSULTATION_BOOKED; a cancelled or missed one, with no
 * new one booked, takes those CONSULTATION_BOOKED back to RECEIVED. Only news newer than the news kept counts, so a
 * late, repeated or out-of-order event moves nothing; referrals already screened or decided never move.
 */
@Service
public class ConsultationTracking {

	private static final Logger log = LoggerFactory.getLogger(ConsultationTracking.class);

	private final Patients patients;

	ConsultationTracking(Patients patients) {
		this.patients = patients;
	}

	/** Scheduling's news of the patient's consultation; returns whether it was newer than the news kept. */
	@Transactional
	public boolean changed(PatientConsultation news) {
		// held like a screening or a decision holds the patient, so that their referral moves queue up with this
		patients.findForUpdate(news.patientId());
		if (!patients.saveConsultationIfNewer(news)) {
			log.info("Consultation news of patient {} at version {} is not newer than the news kept; dropped",
					news.patientId(), news.version());
			return false;
		}
		for (var referral : patients.referralsOf(news.patientId())) {
			if (news.status() == PatientConsultation.Status.BOOKED && referral.state() == ReferralState.RECEIVED) {
				patients.moveReferral(referral.consultationBooked(), referral.state());
			}
			else if (news.status() != PatientConsultation.Status.BOOKED
					&& referral.state() == ReferralState.CONSULTATION_BOOKED) {
				patients.moveReferral(referral.consultationCancelled(), referral.state());
			}
		}
		return true;
	}

	@Transactional(readOnly = true)
	public Optional<PatientConsultation> of(UUID patientId) {
		return patients.consultationOf(patientId);
	}
}
