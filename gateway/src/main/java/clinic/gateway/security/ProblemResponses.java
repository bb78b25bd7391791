package clinic.gateway.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own refusals as RFC 9457 problem+json, the same shape the services answer with, so the pages
 * show every error the same way; on FHIR's paths ({@code /fhir/**}) as an OperationOutcome instead, as FHIR clients
 * expect. Only fixed texts go in: nothing from the request is echoed. Headers set on the response before (a
 * {@code Retry-After}) go out with it.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		boolean fhir = isFhir(exchange.getRequest().getPath().value());
		response.getHeaders().setContentType(fhir ? FHIR_JSON : MediaType.APPLICATION_PROBLEM_JSON);
		String body = fhir ? operationOutcome(status, title, detail) : body(status.value(), title, detail);
		// Read what the client sent before answering: a refused request's unread body would otherwise stay on the
		// kept-alive connection, and the client's next request on it can hang (seen with a CSRF-refused POST).
		Mono<Void> drainRequestBody = exchange.getRequest()
			.getBody()
			.doOnNext(DataBufferUtils::release)
			.onErrorResume(alreadyRead -> Mono.empty())
			.then();
		return drainRequestBody.then(response.writeWith(Mono.fromSupplier(() -> response.bufferFactory()
			.wrap(body.getBytes(StandardCharsets.UTF_8)))));
	}

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

	/** FHIR's paths answer errors in FHIR's form, an OperationOutcome, as intake's FHIR server does. */
	private static boolean isFhir(String path) {
		return path.equals("/fhir") || path.startsWith("/fhir/");
	}

	/** The OperationOutcome for a refusal, its issue code the FHIR one for the status. */
	static String operationOutcome(HttpStatus status, String title, String detail) {
		String code = switch (status) {
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> "not-supported";
			case UNAUTHORIZED -> "login";
			case FORBIDDEN -> "forbidden";
			case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> "transient";
			case PAYLOAD_TOO_LARGE -> "too-costly";
			default -> status.is4xxClientError() ? "invalid" : "exception";
		};
		return ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"%s\","
				+ "\"diagnostics\":\"%s: %s\"}]}").formatted(code, title, detail);
	}

	/** The problem document itself; {@code title} and {@code detail} are the gateway's own fixed texts. */
	static String body(int status, String title, String detail) {
		return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title,
				status, detail);
	}

}
