package clinic.scheduling.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.InvalidInputException;

/** A chair's attributes are matched by the front desk, so they are kept in one spelling, each once. */
class ChairAttributesTest {

	@Test
	void givenAttributesInMixedCaseWithBlanksAroundAndRepeatsThenTheyAreKeptLowerCaseOnceAndSorted() {
		assertThat(ChairService.attributes(List.of(" Recliner", "monitor", "RECLINER ", "Oxygen")))
			.containsExactly("monitor", "oxygen", "recliner");
	}

	@Test
	void givenNoAttributesThenTheChairHasNone() {
		assertThat(ChairService.attributes(null)).isEmpty();
	}

	@Test
	void givenABlankAttributeThenTheErrorNamesItsIndex() {
		assertThatThrownBy(() -> ChairService.attributes(Arrays.asList("recliner", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("attributes[1]"));
	}

	@Test
	void givenMoreAttributesThanAChairCanHaveThenTheErrorNamesTheList() {
		var many = Collections.nCopies(ChairService.MAX_ATTRIBUTES + 1, "monitor");
		assertThatThrownBy(() -> ChairService.attributes(many)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("attributes"));
	}
}
