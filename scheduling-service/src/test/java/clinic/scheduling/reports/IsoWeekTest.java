package clinic.scheduling.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.InvalidInputException;

class IsoWeekTest {

	@Test
	void givenAnIsoWeekThenItRunsFromItsMondayToItsSunday() {
		var week = IsoWeek.parse("week", "2026-W48");
		assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(week).hasToString("2026-W48");
	}

	@Test
	void givenTheFirstDaysOfJanuaryThenTheyMayBelongToTheLastWeekOfTheYearBefore() {
		// 1 January 2027 is a Friday: it lies in 2026's week 53, which starts on Monday 28 December 2026
		assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
		assertThat(IsoWeek.parse("week", "2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
		assertThat(IsoWeek.parse("week", "2027-W01").monday()).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void givenTextThatIsNoIsoWeekThenTheFieldIsNamed() {
		for (var text : new String[] { "2026-48", "2026-W4", "next week", "2027-W53", "2026-W00", "" }) {
			assertThatThrownBy(() -> IsoWeek.parse("week", text)).as(text)
				.isInstanceOf(InvalidInputException.class)
				.extracting(e -> ((InvalidInputException) e).field())
				.isEqualTo("week");
		}
	}
}
