package clinic.platform.problems;

/** The thing asked for does not exist: 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		this(what + " " + id + " does not exist");
	}

	private NotFoundException(String detail) {
		super(detail);
	}

	/** Nothing answers what was asked, for the reason {@code detail} gives in the user's words. */
	public static NotFoundException because(String detail) {
		return new NotFoundException(detail);
	}
}
