package clinic.scheduling.courses;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import clinic.platform.problems.InvalidInputException;

/**
 * A search of courses as the front desk types it: the statuses wanted (none: all), words of the patient's name in
 * any order, without case or accents ("jose garcia" finds "García, José"), and a page of the matches, oldest first.
 * Without a limit every match is returned, as the list was before it could be searched.
 */
public record CourseSearch(Set<CourseStatus> statuses, List<String> words, int offset, @Nullable Integer limit) {

	/** The most courses one page holds. */
	public static final int MAX_LIMIT = 100;

	/** The longest name search taken. */
	private static final int MAX_QUERY = 200;

	public CourseSearch {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		words = List.copyOf(words);
		if (offset < 0) {
			throw new InvalidInputException("offset", "The offset cannot be negative");
		}
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " courses");
		}
	}

	/** A search for the text typed; {@code query} may be null or blank (every name). */
	public static CourseSearch of(@Nullable Set<CourseStatus> statuses, @Nullable String query, int offset,
			@Nullable Integer limit) {
		if (query != null && query.length() > MAX_QUERY) {
			throw new InvalidInputException("q", "Type at most " + MAX_QUERY + " characters of the name");
		}
		var words = query == null ? List.<String>of()
				: Arrays.stream(query.trim().split("[\\s,]+")).filter(w -> !w.isBlank()).map(CourseSearch::fold).toList();
		return new CourseSearch(statuses, words, offset, limit);
	}

	/** Lower case without accents, as names are compared. */
	public static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** One page of the courses found, and how many match in all. */
	public record Page(List<Course> courses, int total) {

		public Page {
			courses = List.copyOf(courses);
		}
	}
}
