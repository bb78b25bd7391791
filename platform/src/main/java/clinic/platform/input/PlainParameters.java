package clinic.platform.input;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import clinic.platform.problems.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Query and path parameters are {@link PlainText} too: a {@code %00} in a search reaches no database, it is a 400
 * naming the parameter. Runs after the security filters have let the caller in.
 */
class PlainParameters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.getParameterMap().forEach((name, values) -> {
			check(name, name);
			for (String value : values) {
				check(name, value);
			}
		});
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
		}
		return true;
	}

	private static void check(String name, String text) {
		PlainText.problem(text).ifPresent(problem -> {
			throw new InvalidInputException(PlainText.problem(name).isPresent() ? "parameter" : name, problem);
		});
	}
}
