package clinic.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAnyPackage("clinic.session.appointments", "clinic.session.doseplans", "clinic.session.records",
				"clinic.session.monitoring", "clinic.session.dosing", "clinic.session.discharge", "clinic.session.path",
				"clinic.session.patients", "clinic.session.entries")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..inbox..", "org.springframework.web..",
				"org.springframework.http..", "org.springframework.jdbc..", "org.springframework.kafka..",
				"org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule adaptersDoNotDependOnEachOther = noClasses().that()
		.resideInAnyPackage("..persistence..", "..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("clinic.session.web..");

	@ArchTest
	static final ArchRule handlersDoNotReachIntoPersistence = noClasses().that()
		.resideInAPackage("clinic.session.messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..", "org.springframework.jdbc..");
}
