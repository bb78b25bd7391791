package clinic.scheduling;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import clinic.platform.test.Boundaries;

/** No cycle between any two of the service's packages, every package its own slice ({@link Boundaries}). */
@AnalyzeClasses(packages = "clinic.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTest {

	@ArchTest
	static final ArchRule noPackageCycles = Boundaries.noPackageCycles("clinic.scheduling");
}
