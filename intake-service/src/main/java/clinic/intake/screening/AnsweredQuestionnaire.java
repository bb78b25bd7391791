package clinic.intake.screening;

import clinic.intake.outcomes.OutcomeScores;

/**
 * One questionnaire a screening answered: the screening and the instrument ({@link OutcomeScores#PHQ9},
 * {@link OutcomeScores#GAD7} or {@link OutcomeScores#PCL5}). A screening answers PHQ-9 always, GAD-7 and PCL-5 when
 * given.
 */
public record AnsweredQuestionnaire(Screening screening, String instrument) {

	/** Its name among all the screenings' questionnaires: {@code phq9-<screening id>}. */
	public String key() {
		return OutcomeScores.slug(instrument) + "-" + screening.id();
	}
}
