package clinic.platform.audit;

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
 */
class AuditedCallInterceptor implements HandlerInterceptor {

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
		return true;
	}
}
