package clinic.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** The adapters at the edge; every other package is domain, a new one included without being listed here. */
	private static final String[] ADAPTERS = { "..web..", "..persistence..", "..messaging..", "..fhir..", "..hl7..", "..delivery.." };

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAPackage("clinic.intake..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..fhir..", "..hl7..", "org.springframework.web..",
				"org.springframework.jdbc..", "org.apache.kafka..", "java.sql..", "ca.uhn.fhir..", "org.hl7.fhir..",
				"ca.uhn.hl7v2..");

	@ArchTest
	static final ArchRule adaptersDoNotDependOnEachOther = noClasses().that()
		.resideInAnyPackage("..persistence..", "..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("clinic.intake.web..", "clinic.intake.fhir..", "clinic.intake.hl7..");

	/** The two doors to the same patients, REST and FHIR, each go to the domain, never through the other. */
	@ArchTest
	static final ArchRule restAndFhirDoNotDependOnEachOther = noClasses().that()
		.resideInAPackage("clinic.intake.fhir..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("clinic.intake.web..")
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("..persistence..");

	/** HL7 v2 is a third door: to the domain only, never through REST, FHIR or the repositories. */
	@ArchTest
	static final ArchRule hl7GoesToTheDomainOnly = noClasses().that()
		.resideInAPackage("clinic.intake.hl7..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("clinic.intake.web..", "clinic.intake.fhir..", "..persistence..");
}
