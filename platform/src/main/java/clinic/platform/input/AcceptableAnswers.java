package clinic.platform.input;

import java.util.List;
import java.util.Set;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A caller that accepts no answer the operation gives (JSON unless the operation says otherwise) is refused with 406
 * before the operation runs: Spring would otherwise carry out a change and only then find it cannot answer.
 */
class AcceptableAnswers implements HandlerInterceptor {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		var accept = request.getHeader("Accept");
		if (!(handler instanceof HandlerMethod) || accept == null || accept.isBlank()) {
			return true;
		}
		List<MediaType> producible = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Set<?> types
				? types.stream().map(MediaType.class::cast).toList() : JSON;
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException e) {
			throw new HttpMediaTypeNotAcceptableException(producible);
		}
		if (accepted.stream().anyMatch(wanted -> producible.stream().anyMatch(wanted::isCompatibleWith))) {
			return true;
		}
		throw new HttpMediaTypeNotAcceptableException(producible);
	}
}
