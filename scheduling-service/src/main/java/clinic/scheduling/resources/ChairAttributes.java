package clinic.scheduling.resources;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import clinic.platform.problems.InvalidInputException;

/**
 * What a chair attribute (recliner, monitor, bariatric) may be, in one place: an administrator gives chairs attributes
 * ({@link ChairService}) and the front desk names them in a patient's wishes (slot finding, course and booster
 * proposals, the waitlist), so both are held to the same {@link #PATTERN}. An attribute a chair may have can always
 * be wished for, and one no wish may name is refused for a chair too. Attributes are kept and matched in lower case,
 * without surrounding blanks.
 */
public final class ChairAttributes {

	/** The longest attribute. */
	public static final int MAX_LENGTH = 50;

	/**
	 * Letters, digits, blanks, {@code _} and {@code -}, 1 to {@link #MAX_LENGTH} characters: a word or two, never a
	 * comma (a wish in a query parameter is a comma-separated list) nor markup.
	 */
	public static final String PATTERN = "[\\p{L}\\p{N} _-]{1," + MAX_LENGTH + "}";

	/** The most attributes one chair has. */
	public static final int MAX_PER_CHAIR = 20;

	/** The most attributes one wish names. */
	public static final int MAX_WISHED = 10;

	private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile(PATTERN);

	private ChairAttributes() {
	}

	/**
	 * A chair's attribute as it is kept: without surrounding blanks, in lower case; refused (naming {@code field})
	 * when blank, longer than {@link #MAX_LENGTH} or not of the {@link #PATTERN}.
	 */
	static String ofChair(String field, @Nullable String attribute) {
		var stripped = Inputs.text(field, attribute, MAX_LENGTH);
		if (!ALLOWED.matcher(stripped).matches()) {
			throw new InvalidInputException(field, "'" + stripped + "' is not a chair attribute: letters, digits, "
					+ "blanks, _ and - only, at most " + MAX_LENGTH + " characters");
		}
		return stripped.toLowerCase(Locale.ROOT);
	}

	/**
	 * The attributes a wish names, spelled as chairs keep them (without surrounding blanks, in lower case), so that
	 * "Recliner" finds the chairs given "recliner"; blank ones name nothing and are left out.
	 */
	public static Set<String> wished(@Nullable Set<String> attributes) {
		if (attributes == null) {
			return Set.of();
		}
		var wished = new LinkedHashSet<String>();
		for (var attribute : attributes) {
			var stripped = attribute == null ? "" : attribute.strip();
			if (!stripped.isEmpty()) {
				wished.add(stripped.toLowerCase(Locale.ROOT));
			}
		}
		return Set.copyOf(wished);
	}
}
