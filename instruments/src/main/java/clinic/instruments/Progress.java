package clinic.instruments;

/**
 * How far a questionnaire being filled in has got: {@code answered} of the {@code items} asked so far. A form that
 * scores as the clinician types asks for this while answers are missing, and for the score once it is
 * {@link #complete()}; every answer given is checked against its item's published range all the same.
 */
public record Progress(int answered, int items) {

	public boolean complete() {
		return answered == items;
	}
}
