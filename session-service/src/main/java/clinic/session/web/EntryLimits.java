package clinic.session.web;

/**
 * The longest text each chart entry takes, in one place, so that a page, a test and the request records read the same
 * number. They are constants, not clinic settings ({@code clinic.session.*}): a validation annotation takes only a
 * constant, and they bound what is stored and sent on, not a clinical rule. The adverse event's description travels
 * in {@code clinic.session.adverse-event-reported.v1}, whose schema allows 2000 characters: a longer limit here would
 * accept a description the event cannot carry ({@code EntryLimitsTest}).
 */
final class EntryLimits {

	/** A person's name typed on the chart: the escort's, who prepared a dose. */
	static final int NAME = 200;

	/** A drug lot number as printed on the vial or box. */
	static final int DRUG_LOT = 100;

	/**
	 * A reason, a note or a description: medication changes, a pre-dose confirmation, an alert's action, a side
	 * effect, an adverse event.
	 */
	static final int NOTE = 2000;

	/** Why an IV infusion ended before the clinic's shortest infusion had run. */
	static final int INFUSION_END_REASON = 500;

	/** Free text of the record: the nurse's completion notes, an addendum. */
	static final int RECORD_TEXT = 4000;

	private EntryLimits() {
	}
}
