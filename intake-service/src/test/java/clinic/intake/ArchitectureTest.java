package clinic.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAnyPackage("clinic.intake.patients", "clinic.intake.screening", "clinic.intake.eligibility",
				"clinic.intake.review", "clinic.intake.alerts")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "org.springframework.web..",
				"org.springframework.jdbc..", "org.apache.kafka..", "java.sql..");

	@ArchTest
	static final ArchRule adaptersDoNotDependOnEachOther = noClasses().that()
		.resideInAnyPackage("..persistence..", "..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("clinic.intake.web..");
}
