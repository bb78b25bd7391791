package clinic.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** The adapters at the edge; every other package is domain, a new one included without being listed here. */
	private static final String[] ADAPTERS = { "..web..", "..persistence..", "..messaging..", "..fhir..", "..hl7.." };

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAPackage("clinic.scheduling..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..inbox..", "..fhir..",
				"org.springframework.web..",
				"org.springframework.http..", "org.springframework.jdbc..", "org.springframework.kafka..",
				"org.apache.kafka..", "io.cloudevents..", "java.sql..", "javax.sql..", "jakarta.servlet..",
				"org.postgresql..", "ca.uhn.fhir..", "org.hl7.fhir..");

	@ArchTest
	static final ArchRule adaptersDoNotDependOnEachOther = noClasses().that()
		.resideInAnyPackage("..persistence..", "..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("clinic.scheduling.web..", "clinic.scheduling.fhir..");

	/** The REST API and FHIR each go to the domain, never through the other nor into the persistence adapters. */
	@ArchTest
	static final ArchRule restAndFhirDoNotDependOnEachOther = noClasses().that()
		.resideInAPackage("clinic.scheduling.fhir..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("clinic.scheduling.web..")
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..", "org.springframework.jdbc..", "java.sql..");

	@ArchTest
	static final ArchRule webAndHandlersDoNotReachIntoPersistence = noClasses().that()
		.resideInAnyPackage("clinic.scheduling.web..", "clinic.scheduling.messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..", "org.springframework.jdbc..", "java.sql..");
}
