package clinic.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A change the audit trail could not record was not made: the caller gets 503 problem+json saying so (and may try
 * again), never a 500 or a success.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

	private static final Logger log = LoggerFactory.getLogger(AuditProblems.class);

	/** The title of every answer the audit trail's failure caused (a change not made, a read's answer withheld). */
	static final String TITLE = "Audit trail unavailable";

	/** What the caller may do about it: the trail is usually back at once. */
	static final String TRY_AGAIN = "Try again in a moment.";

	@ExceptionHandler(AuditUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(AuditUnavailableException ex) {
		log.error("A change was rolled back: its audit entry could not be written", ex);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"This change could not be recorded in the audit trail, so it was not made. " + TRY_AGAIN);
		problem.setTitle(TITLE);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(problem);
	}
}
