package clinic.scheduling.fhir;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** The FHIR R4 context (costly to make: one for the service) and the server, started with the application. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

	@Bean(destroyMethod = "destroy")
	FhirServer fhirServer(FhirContext context, List<IResourceProvider> providers, ServletContext servletContext)
			throws ServletException {
		var server = new FhirServer(context, providers, new FhirErrors());
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
