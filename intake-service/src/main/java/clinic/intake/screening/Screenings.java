package clinic.intake.screening;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.intake.patients.Found;

/** Where screenings are kept. */
public interface Screenings {

	void insert(Screening screening);

	Optional<Screening> find(UUID id);

	List<Screening> of(UUID patientId);

	/**
	 * One page of the questionnaires the screenings answered, earliest first, then by
	 * {@link AnsweredQuestionnaire#key} (as text, byte by byte; times to the millisecond, as FHIR shows them).
	 */
	Found<AnsweredQuestionnaire> answered(QuestionnaireCriteria criteria, int offset, int limit);
}
