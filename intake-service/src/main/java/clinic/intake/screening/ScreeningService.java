package clinic.intake.screening;

import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.eligibility.EligibilityRules;
import clinic.intake.eligibility.ScreeningFacts;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.patients.PatientService;
import clinic.intake.patients.PatientStatus;
import clinic.platform.events.ClinicEvents;
import clinic.platform.security.CurrentUser;

/** Records a screening: scores the questionnaires, asks the rules for a proposal, keeps the baseline score. */
@Service
public class ScreeningService {

	private final PatientService patients;

	private final Screenings screenings;

	private final EligibilityRules rules;

	private final OutcomeScores outcomes;

	private final ClinicEvents events;

	private final Clock clock;

	ScreeningService(PatientService patients, Screenings screenings, EligibilityRules rules, OutcomeScores outcomes,
			ClinicEvents events, Clock clock) {
		this.patients = patients;
		this.screenings = screenings;
		this.rules = rules;
		this.outcomes = outcomes;
		this.events = events;
		this.clock = clock;
	}

	public record ScreeningInput(List<Integer> phq9, Vitals vitals, String notes) {
	}

	@Transactional
	public Screening record(UUID patientId, ScreeningInput input) {
		var patient = patients.get(patientId);
		var phq9 = Phq9.score(input.phq9(), "phq9");
		var now = clock.instant();
		var age = Period.between(patient.birthDate(), now.atZone(clock.getZone()).toLocalDate()).getYears();
		var proposal = rules.propose(new ScreeningFacts(age, phq9, input.vitals()));
		var screening = new Screening(UUID.randomUUID(), patientId, phq9, input.vitals(), input.notes(), proposal,
				CurrentUser.name(), now);
		screenings.insert(screening);
		outcomes.record(patientId, OutcomeScores.PHQ9, phq9.total(), OutcomeScores.Source.SCREENING, screening.id(),
				now);
		var screened = patients.changeStatus(patientId, PatientStatus.SCREENED);
		events.publish(ScreeningCompleted.of(screening, screened.version()));
		return screening;
	}

	@Transactional(readOnly = true)
	public List<Screening> of(UUID patientId) {
		return screenings.of(patientId);
	}
}
