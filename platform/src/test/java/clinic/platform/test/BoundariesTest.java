package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import clinic.platform.test.cycles.a.Ordering;
import clinic.platform.test.cycles.b.Billing;

/** The boundary rule finds a cycle through three packages, and passes packages whose dependencies run one way. */
class BoundariesTest {

	private static final String CYCLES = "clinic.platform.test.cycles";

	@Test
	void givenPackagesThatDependOnEachOtherThroughAThirdThenTheRuleFailsNamingTheCycle() {
		var classes = new ClassFileImporter().importPackages(CYCLES);

		assertThatThrownBy(() -> Boundaries.noPackageCycles(CYCLES).check(classes)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected")
			.hasMessageContaining(Ordering.class.getPackageName())
			.hasMessageContaining(Billing.class.getPackageName());
	}

	@Test
	void givenDependenciesThatRunOneWayThenTheRulePasses() {
		var oneWay = new ClassFileImporter().withImportOption(location -> !location.contains("/cycles/c/"))
			.importPackages(CYCLES);
		assertThat(oneWay.contain(Ordering.class)).isTrue();

		assertThatCode(() -> Boundaries.noPackageCycles(CYCLES).check(oneWay)).doesNotThrowAnyException();
	}
}
