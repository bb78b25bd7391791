package clinic.platform.audit;

import java.util.Arrays;
import java.util.UUID;

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
 * Finds the patient an API answer concerns when the path does not name it (a session record, a course): a
 * response record with a {@code patientId} component. The audit entry of the call then carries that patient.
 */
@RestControllerAdvice
class AuditedPatientAdvice implements ResponseBodyAdvice<Object> {

	static final String PATIENT_ATTRIBUTE = AuditedPatientAdvice.class.getName() + ".patientId";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return returnType.getParameterType().isRecord();
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body != null && request instanceof ServletServerHttpRequest servlet) {
			var patientId = patientIdOf(body);
			if (patientId != null) {
				servlet.getServletRequest().setAttribute(PATIENT_ATTRIBUTE, patientId);
			}
		}
		return body;
	}

	private static @Nullable UUID patientIdOf(Object body) {
		if (!body.getClass().isRecord()) {
			return null;
		}
		return Arrays.stream(body.getClass().getRecordComponents())
			.filter(component -> component.getName().equals("patientId") && component.getType() == UUID.class)
			.findFirst()
			.map(component -> {
				try {
					component.getAccessor().setAccessible(true);
					return (UUID) component.getAccessor().invoke(body);
				}
				catch (ReflectiveOperationException e) {
					return null;
				}
			})
			.orElse(null);
	}
}
