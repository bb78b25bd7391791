package clinic.intake.outcomes;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.patients.PatientService;
import clinic.platform.problems.InvalidInputException;

/** A patient's outcome series per instrument, for plotting, with baseline, response, remission and futility. */
@Service
public class OutcomeTracking {

	private final PatientService patients;

	private final OutcomeScores scores;

	private final OutcomeSettings settings;

	OutcomeTracking(PatientService patients, OutcomeScores scores, OutcomeSettings settings) {
		this.patients = patients;
		this.scores = scores;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public OutcomeTrend trend(UUID patientId, String instrument) {
		if (!OutcomeScores.INSTRUMENTS.contains(instrument)) {
			throw new InvalidInputException("instrument",
					"instrument must be one of " + String.join(", ", OutcomeScores.INSTRUMENTS) + ", got " + instrument);
		}
		patients.get(patientId);
		return OutcomeTrend.of(instrument, scores.series(patientId, instrument), settings);
	}
}
