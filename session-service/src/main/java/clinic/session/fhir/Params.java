package clinic.session.fhir;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Reading search parameters the same way for every resource, as scheduling's {@code References}. */
final class Params {

	private Params() {
	}

	/**
	 * What the asked codes stand for here ({@code meaning} of a code: what it finds, empty when the clinic never uses
	 * it). A code of another system than {@code system} is a bad request; so is one {@code meaning} does not know
	 * ({@code null}: not a code of the system at all).
	 */
	static Set<String> codes(TokenOrListParam param, String name, String system,
			Function<String, @Nullable Set<String>> meaning) {
		var found = new LinkedHashSet<String>();
		for (var token : param.getValuesAsQueryTokens()) {
			if (token.getSystem() != null && !token.getSystem().isEmpty() && !token.getSystem().equals(system)) {
				throw new InvalidRequestException(name + " is a code of " + system);
			}
			var value = token.getValue();
			var meant = value == null || value.isBlank() ? null : meaning.apply(value);
			if (meant == null) {
				throw new InvalidRequestException("Unknown " + name + " '" + value + "'");
			}
			found.addAll(meant);
		}
		return found;
	}
}
