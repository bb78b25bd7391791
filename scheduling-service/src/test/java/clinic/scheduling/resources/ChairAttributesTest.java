package clinic.scheduling.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

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
		var many = Collections.nCopies(ChairAttributes.MAX_PER_CHAIR + 1, "monitor");
		assertThatThrownBy(() -> ChairService.attributes(many)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("attributes"));
	}

	/** Attributes a chair may have; each is kept without surrounding blanks, in lower case. */
	private static final List<String> ALLOWED = List.of("recliner", "Bariatric", "wide seat", "monitor_2",
			"wheelchair-bariatric", "Überwachung", " oxygen ", "x".repeat(ChairAttributes.MAX_LENGTH));

	/** What no wish may name: a slash, a comma (a wish's list separator), markup, one character too many. */
	private static final List<String> REFUSED = List.of("wheelchair/bariatric", "recliner,monitor", "<script>",
			"oxygen;", "x".repeat(ChairAttributes.MAX_LENGTH + 1));

	@Test
	void givenAnAttributeAChairAcceptsThenAWishMayNameItAsTheChairKeepsIt() {
		for (var attribute : ALLOWED) {
			var kept = ChairService.attributes(List.of(attribute));
			assertThat(kept).singleElement().satisfies(k -> {
				assertThat(k).as("the wish pattern on '%s' as kept", attribute).matches(ChairAttributes.PATTERN);
				assertThat(ChairAttributes.wished(Set.of(attribute))).as("a wish for '%s'", attribute).containsExactly(k);
			});
		}
	}

	@Test
	void givenAnAttributeTheWishPatternRefusesThenAChairRefusesItTooNamingItsIndex() {
		for (var attribute : REFUSED) {
			assertThat(attribute).as("the wish pattern").doesNotMatch(ChairAttributes.PATTERN);
			assertThatThrownBy(() -> ChairService.attributes(List.of("recliner", attribute))).as(attribute)
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.field()).isEqualTo("attributes[1]"));
		}
	}

	@Test
	void givenAWishInAnotherSpellingThenItNamesTheAttributeAsChairsKeepItAndBlankOnesNameNothing() {
		assertThat(ChairAttributes.wished(Set.of(" Recliner", "MONITOR", " "))).containsExactlyInAnyOrder("recliner",
				"monitor");
		assertThat(ChairAttributes.wished(null)).isEmpty();
	}
}
