package clinic.gateway.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own errors in the clinic's form (problem+json), where Spring Boot would answer its JSON error map: an
 * address nothing is served at (404), a method the address does not take (405, with {@code Allow}), a request the
 * gateway could not read (400, 406, 415), and anything unexpected (500, logged here, nothing of it in the answer). A
 * browser asking for a page ({@code Accept: text/html}) still gets the clinic's error page.
 * Ordered after {@code OutageProblems}, which says which part is down; only fixed texts go in, nothing from the
 * request is echoed.
 */
@Component
@Order(-2)
public class ErrorProblems implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(ErrorProblems.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted() || wantsPage(exchange)) {
			return Mono.error(ex);
		}
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			var status = HttpStatus.valueOf(known.getStatusCode().value());
			if (ex instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
				exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
			}
			exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
			return ProblemResponses.write(exchange, status, status.getReasonPhrase(), detail(status));
		}
		log.error("Unexpected failure answering " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The clinic's gateway could not answer this request. Try again; if it keeps failing, tell the "
						+ "administrator the time it happened.");
	}

	/** A browser asking for a page gets the clinic's error page (Spring Boot's, from {@code static/error}). */
	private static boolean wantsPage(ServerWebExchange exchange) {
		return exchange.getRequest()
			.getHeaders()
			.getAccept()
			.stream()
			.anyMatch(accepted -> !accepted.isWildcardType() && accepted.isCompatibleWith(MediaType.TEXT_HTML));
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take that method.";
			case NOT_ACCEPTABLE -> "This address cannot answer in a form the request accepts.";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of that content type.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default -> "The gateway could not take this request as sent.";
		};
	}

}
