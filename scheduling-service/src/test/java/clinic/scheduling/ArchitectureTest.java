package clinic.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] DOMAIN = { "clinic.scheduling", "clinic.scheduling.resources",
			"clinic.scheduling.patients", "clinic.scheduling.courses", "clinic.scheduling.booking", "clinic.scheduling.calendar", "clinic.scheduling.waitlist",
			"clinic.scheduling.planning", "clinic.scheduling.consultations", "clinic.scheduling.reports",
			"clinic.scheduling.agenda", "clinic.scheduling.offers" };

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAnyPackage(DOMAIN)
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
