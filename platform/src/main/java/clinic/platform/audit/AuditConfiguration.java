package clinic.platform.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts the audit trail in place: {@link AuditTrailFilter} just outside Spring Security's filters (so it sees what
 * security refuses), {@link AuditedCallInterceptor} when Spring MVC has picked an operation, and
 * {@link AuditedChanges} (a bean of its own) on every read-write transaction. FHIR interactions ({@code /fhir/...},
 * intake's) are patient data as the API's are, and are recorded the same way.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<PatientsOfPath> patientsOfPaths;

	AuditConfiguration(ObjectProvider<PatientsOfPath> patientsOfPaths) {
		this.patientsOfPaths = patientsOfPaths;
	}

	@Bean
	FilterRegistrationBean<AuditTrailFilter> auditTrailFilter(AuditLog auditLog,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> operations) {
		var registration = new FilterRegistrationBean<>(new AuditTrailFilter(auditLog, operations, patientsOfPaths));
		registration.addUrlPatterns("/api/*", "/fhir/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditedCallInterceptor(patientsOfPaths)).addPathPatterns("/api/**", "/fhir/**");
	}
}
