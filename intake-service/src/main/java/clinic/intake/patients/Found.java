package clinic.intake.patients;

import java.util.List;

/** One page of what a search found, and how many it found in all. */
public record Found<T>(List<T> items, long total) {

	public Found {
		items = List.copyOf(items);
	}
}
