package clinic.platform.input;

/**
 * What the clinic says about an error no handler of its own explained, in one place: the error page
 * ({@link ProblemErrorController}) and Tomcat's own error report ({@link ProblemReportValve}) say the same.
 */
final class ErrorWording {

	private ErrorWording() {
	}

	/** The problem's {@code detail} for {@code status}; neither the request nor the server's own message shows. */
	static String detailOf(int status) {
		return switch (status) {
			case 404 -> "There is nothing at this address.";
			default -> status >= 500 ? "The server could not answer this request." : "The request was refused.";
		};
	}
}
