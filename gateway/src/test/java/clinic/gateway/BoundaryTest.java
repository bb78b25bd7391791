package clinic.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No cycle between any two of the gateway's packages, every package its own slice: the services' rule
 * ({@code clinic.platform.test.Boundaries}, whose test-jar the gateway, a reactive stack, does not take). The root
 * holds only {@link GatewayApplication}.
 */
@AnalyzeClasses(packages = "clinic.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTest {

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("clinic.gateway.(**)")
		.should()
		.beFreeOfCycles()
		.as("no cycle between the packages of clinic.gateway");
}
