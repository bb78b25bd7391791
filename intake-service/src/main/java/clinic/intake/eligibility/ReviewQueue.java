package clinic.intake.eligibility;

import java.util.List;

/** The clinician review queue, read from the stored screenings, decisions and open review flags. */
public interface ReviewQueue {

	/**
	 * One item per patient whose latest screening has no signed decision made after it or who has open review flags
	 * (urgent); urgent first, then the oldest first.
	 */
	List<ReviewItem> waiting();
}
