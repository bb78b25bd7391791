package clinic.platform.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Fills in the audit entry once Spring MVC has picked the operation, before it runs: the path pattern, the patient
 * the path names, the caller (as the handler will see them, even if {@code @PreAuthorize} then refuses) and the
 * status a change answers with when it succeeds, which {@link AuditedChanges} records with the change.
 * <p>
 * For a change whose path names its patient by another id, the patient is looked up here, through the service's
 * {@link PatientsOfPath}, before the handler's transaction begins: a lookup that fails then costs the audit row its
 * patient (logged), never the change its transaction. A read's patient is looked up after its answer, if the answer
 * did not name one ({@link AuditTrailFilter}).
 */
class AuditedCallInterceptor implements HandlerInterceptor {

	private final ObjectProvider<PatientsOfPath> patientsOfPaths;

	AuditedCallInterceptor(ObjectProvider<PatientsOfPath> patientsOfPaths) {
		this.patientsOfPaths = patientsOfPaths;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var entry = AuditEntry.of(request);
		if (entry == null) {
			return true;
		}
		entry.identify(request);
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()) {
			AuditTrailFilter.identifyCaller(entry, authentication);
		}
		if (handler instanceof HandlerMethod method) {
			var status = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ResponseStatus.class);
			entry.expectedStatus = status != null ? status.code().value() : HttpServletResponse.SC_OK;
		}
		if (entry.isChange()) {
			entry.namePatientOfPath(patientsOfPaths);
		}
		return true;
	}
}
