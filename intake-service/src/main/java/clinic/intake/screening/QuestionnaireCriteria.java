package clinic.intake.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which answered questionnaires a search asks for: the patient (null: any), screened in {@code [from, before)}
 * (either null: open), of these instruments (empty: all).
 */
public record QuestionnaireCriteria(@Nullable UUID patientId, @Nullable Instant from, @Nullable Instant before,
		List<String> instruments) {

	public QuestionnaireCriteria {
		instruments = List.copyOf(instruments);
	}
}
