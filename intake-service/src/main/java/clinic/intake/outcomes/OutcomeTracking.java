package clinic.intake.outcomes;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.intake.patients.PatientService;
import clinic.platform.problems.InvalidInputException;

/**
 * A patient's outcome series per instrument: the scores recorded from screenings and sessions, and the trend for
 * plotting, with baseline, response, remission and futility.
 */
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

	/** Records a score of the patient's from a screening or a session, once per source and instrument. */
	@Transactional
	public void record(UUID patientId, String instrument, int total, OutcomeScores.Source source, UUID sourceId,
			Instant at) {
		scores.record(patientId, instrument, total, source, sourceId, at);
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
