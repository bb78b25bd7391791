package clinic.intake.eligibility;

import java.util.List;

/** The clinician review queue, read from the stored screenings and decisions. */
public interface ReviewQueue {

	/**
	 * One item per patient whose latest screening has no signed decision made after it; urgent first, then the
	 * oldest screening first.
	 */
	List<ReviewItem> waiting();
}
