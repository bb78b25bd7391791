package clinic.platform.problems;

/** Input that is well-formed but not acceptable, naming the field that is wrong: 400. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
