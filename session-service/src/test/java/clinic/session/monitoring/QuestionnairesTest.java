package clinic.session.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.InvalidInputException;

/** Session's 400s for answers the instruments cannot score keep the field names and words the API has always had. */
class QuestionnairesTest {

	@Test
	void givenCheckInAnswersWhenScoredThenTotalAndItem9FlagComeFromThePhq9() {
		var phq9 = Questionnaires.phq9(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
		assertThat(phq9.total()).isEqualTo(9);
		assertThat(phq9.suicideRiskFlag()).isTrue();
		assertThat(phq9.items()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1);
	}

	@Test
	void givenAWrongPhq9AnswerWhenScoredThenTheItemIsNamedInTheApisWords() {
		assertThatThrownBy(() -> Questionnaires.phq9(List.of(0, 0, 0, 0, 4, 0, 0, 0, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("phq9Items[4]");
				assertThat(e.getMessage()).isEqualTo("PHQ-9 item 5 is scored 0 to 3");
			});
		assertThatThrownBy(() -> Questionnaires.phq9(List.of(0, 0, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("phq9Items");
				assertThat(e.getMessage()).isEqualTo("PHQ-9 has exactly 9 items");
			});
	}

	@Test
	void givenCadssItemsWhenRecordedThenTheScoreIsKeptWithWhoAndWhen() {
		var at = Instant.parse("2026-03-02T10:15:00Z");
		var cadss = new Cadss6(List.of(1, 2, 0, 1, 0, 2), "nurse", at);
		assertThat(cadss.total()).isEqualTo(6);
		assertThat(cadss.items()).containsExactly(1, 2, 0, 1, 0, 2);
		assertThat(cadss.recordedBy()).isEqualTo("nurse");
		assertThat(cadss.recordedAt()).isEqualTo(at);
	}

	@Test
	void givenWrongCadssItemsWhenRecordedThenTheItemIsNamedInTheApisWords() {
		assertThatThrownBy(() -> new Cadss6(List.of(1, 2, 3, 4, 0), "nurse", Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("items");
				assertThat(e.getMessage()).isEqualTo("CADSS-6 has exactly 6 items");
			});
		assertThatThrownBy(() -> new Cadss6(List.of(1, 2, 5, 4, 0, 0), "nurse", Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("items[2]");
				assertThat(e.getMessage()).isEqualTo("CADSS-6 item 3 is scored 0 to 4");
			});
	}
}
