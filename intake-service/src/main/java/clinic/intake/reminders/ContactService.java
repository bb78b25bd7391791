package clinic.intake.reminders;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.patients.PatientService;
import clinic.platform.problems.InvalidInputException;

/**
 * The patient's e-mail address and consent to each reminder channel, as the front desk records them. A consent is
 * recorded with who and when only when it changes; withdrawing it is the patient's opt-out, and the next reminder
 * skips that channel. The phone is the patient's own (corrected with the patient's details).
 */
@Service
public class ContactService {

	private final PatientService patients;

	private final Reminders reminders;

	private final Clock clock;

	ContactService(PatientService patients, Reminders reminders, Clock clock) {
		this.patients = patients;
		this.reminders = reminders;
		this.clock = clock;
	}

	/** What the front desk asks to be kept: the address (null: none) and the consent to each channel. */
	public record ContactChange(@Nullable String email, boolean emailConsent, boolean smsConsent) {
	}

	@Transactional(readOnly = true)
	public PatientContact contactOf(UUID patientId) {
		var patient = patients.get(patientId);
		return new PatientContact(patientId, reminders.emailOf(patientId).orElse(null), patient.phone(),
				reminders.consentsOf(patientId));
	}

	@Transactional
	public PatientContact record(UUID patientId, ContactChange change, String by) {
		var patient = patients.getForUpdate(patientId);
		var email = change.email() == null || change.email().isBlank() ? null : change.email().strip();
		if (change.emailConsent() && email == null) {
			throw new InvalidInputException("email", "consent to e-mail reminders needs the patient's e-mail address");
		}
		if (change.smsConsent() && (patient.phone() == null || patient.phone().isBlank())) {
			throw new InvalidInputException("smsConsent",
					"consent to text reminders needs the patient's phone number (correct the patient's details first)");
		}
		var now = clock.instant();
		reminders.saveEmail(patientId, email, by, now);
		Map<Channel, ChannelConsent> kept = new EnumMap<>(Channel.class);
		reminders.consentsOf(patientId).forEach(c -> kept.put(c.channel(), c));
		for (var wanted : List.of(Map.entry(Channel.EMAIL, change.emailConsent()),
				Map.entry(Channel.SMS, change.smsConsent()))) {
			var before = kept.get(wanted.getKey());
			if (before == null || before.granted() != wanted.getValue()) {
				reminders.saveConsent(patientId, new ChannelConsent(wanted.getKey(), wanted.getValue(), by, now));
			}
		}
		return new PatientContact(patientId, email, patient.phone(), reminders.consentsOf(patientId));
	}
}
