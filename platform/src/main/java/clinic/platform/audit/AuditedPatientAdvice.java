package clinic.platform.audit;

import java.util.Collections;
import java.util.IdentityHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Finds every patient an API answer names, whatever the path said: a patient, a session record or a course names
 * one, a search, a list or a calendar many (see {@link AuditedCall#concernsPatientsIn}). The audit entry of the call
 * then carries them all, so a search by patient finds the searches and lists that showed them.
 */
@RestControllerAdvice
class AuditedPatientAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body != null && request instanceof ServletServerHttpRequest servlet) {
			var entry = AuditEntry.of(servlet.getServletRequest());
			if (entry != null) {
				AuditedCall.collect(body, entry.patients, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
			}
		}
		return body;
	}
}
