package clinic.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of web, messaging and persistence: those are adapters at the edge. */
@AnalyzeClasses(packages = "clinic.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** The adapters at the edge; every other package is domain, a new one included without being listed here. */
	private static final String[] ADAPTERS = { "..web..", "..persistence..", "..messaging..", "..fhir.." };

	@ArchTest
	static final ArchRule domainHasNoAdapterTypes = noClasses().that()
		.resideInAPackage("clinic.session..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
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
