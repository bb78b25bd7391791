package clinic.platform.fhir;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import clinic.platform.audit.AuditLog;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * FHIR R4 at {@code /fhir} for a service that serves it: one whose resource providers are beans and that says what it
 * serves ({@link FhirService}). The FHIR R4 context (costly to make: one for the service), the server, started with
 * the application, its security chain ({@link FhirSecurity}) and the provider every such service shares: its audit
 * trail as AuditEvents ({@link AuditEventResources}). A service without FHIR gets none of it.
 * The service keeps its providers, mappings, own error translations ({@link FhirErrorTranslation}) and its endpoint
 * ({@link FhirEndpoint}), one method per row of its access policy.
 */
@AutoConfiguration
@ConditionalOnClass(RestfulServer.class)
@ConditionalOnBean({ IResourceProvider.class, FhirService.class })
@Import(FhirSecurity.class)
public class FhirConfiguration {

	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

	/**
	 * Every FHIR-serving service's own audit trail as AuditEvents: the gateway answers one search across the three
	 * (clinic.gateway.fhir.shared-types).
	 */
	@Bean
	AuditEventResources auditEventResources(AuditLog auditLog, PageSizes pageSizes,
			@Value("${clinic.api.name}") String owner, @Value("${spring.application.name}") String service,
			@Value("${clinic.audit.time-zone}") ZoneId clinicZone) {
		return new AuditEventResources(auditLog, pageSizes, owner, service, clinicZone);
	}

	@Bean(destroyMethod = "destroy")
	FhirServer fhirServer(FhirContext context, List<IResourceProvider> providers, List<FhirErrorTranslation> own,
			FhirService service, ServletContext servletContext) throws ServletException {
		var server = new FhirServer(context, providers, new FhirErrors(own),
				service.alsoServing(AuditEventResources.TYPE));
		server.init(new Config(servletContext));
		return server;
	}

	/** The servlet's configuration: the application's servlet context, no init parameters. */
	private record Config(ServletContext servletContext) implements ServletConfig {

		@Override
		public String getServletName() {
			return "fhir";
		}

		@Override
		public ServletContext getServletContext() {
			return servletContext;
		}

		@Override
		public String getInitParameter(String name) {
			return null;
		}

		@Override
		public Enumeration<String> getInitParameterNames() {
			return Collections.emptyEnumeration();
		}
	}
}
