package clinic.platform.audit;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import clinic.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes one audit entry per API call: the user, the operation, the patient it concerned, the HTTP outcome. */
class AuditInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

	private final AuditLog auditLog;

	AuditInterceptor(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		try {
			var pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			auditLog.record(CurrentUser.name(), request.getMethod() + " " + (pattern != null ? pattern : "?"),
					request.getRequestURI(), patientId(request), response.getStatus());
		}
		catch (RuntimeException e) {
			log.error("Could not write the audit entry for {} {}", request.getMethod(), request.getRequestURI(), e);
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable UUID patientId(HttpServletRequest request) {
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables == null || variables.get("patientId") == null) {
			return (UUID) request.getAttribute(AuditedPatientAdvice.PATIENT_ATTRIBUTE);
		}
		try {
			return UUID.fromString(variables.get("patientId"));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
