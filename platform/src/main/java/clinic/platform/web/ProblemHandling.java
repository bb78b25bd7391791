package clinic.platform.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import clinic.platform.inbox.DeliveryFailure;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

import tools.jackson.core.JacksonException;

/**
 * Bad input is answered with RFC 9457 problem+json naming the field that is wrong ({@code errors[].field}),
 * never with a 500. Conflicts with the stored state are 409 and say what collided.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	public record FieldError(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(errors), errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(errors), errors);
	}

	/** A query or path parameter that is not of its type (a date that is no date, an id that is no UUID). */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		var type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
		var error = new FieldError(field == null ? "parameter" : field,
				"'" + ex.getValue() + "' is not a valid " + type);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(List.of(error)), List.of(error));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			var field = jackson.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			var error = new FieldError(field, BodyProblems.message(jackson));
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(List.of(error)), List.of(error));
		}
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				"The request body is not valid JSON for this operation.", List.of());
	}

	/** A required query parameter that is missing (or empty) is a wrong field too. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var error = new FieldError(ex.getParameterName(), "is required");
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(List.of(error)), List.of(error));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException ex) {
		var error = new FieldError(ex.field(), ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", describe(List.of(error)), List.of(error));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex) {
		var response = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), List.of());
		if (response.getBody() instanceof ProblemDetail problem) {
			ex.details().forEach(problem::setProperty);
		}
		return response;
	}

	/** Constraints in the database are the last line: exclusion (23P01) and unique (23505) violations are 409. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		var sqlState = sqlState(ex);
		if ("23P01".equals(sqlState) || "23505".equals(sqlState)) {
			return problem(HttpStatus.CONFLICT, "Conflict", "This collides with an existing record: "
					+ constraintName(ex), List.of());
		}
		log.warn("Data integrity violation", ex);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The data violates a rule of the record store.",
				List.of());
	}

	/**
	 * The record store cannot be reached (no connection, or it broke mid-request; a failed rollback on a broken
	 * connection included): 503 with Retry-After, so staff and other systems know to send it again, and nothing was
	 * written. Two changes that met at the same moment (a lock not had, a deadlock, a serialization failure) are a
	 * 409: the other one won, this one may be sent again. Any other failure of the store is a 500 problem document.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<Object> storeFailure(RuntimeException ex) {
		if (ex instanceof ConcurrencyFailureException) {
			log.info("Concurrent change refused: {}", ex.toString());
			return problem(HttpStatus.CONFLICT, "Conflict",
					"Someone changed the same records at the same moment, so nothing was changed. Try again.", List.of());
		}
		if (DeliveryFailure.of(ex) == DeliveryFailure.OUTAGE) {
			log.warn("Record store unreachable: {}", ex.toString());
			var response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Record store unavailable",
					"The service cannot reach its record store just now, so nothing was changed. Try again in a moment.",
					List.of());
			return ResponseEntity.status(response.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, "5")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(response.getBody());
		}
		log.error("Record store failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed, and nothing was changed.", List.of());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
			List<FieldError> errors) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperties(Map.of("errors", errors));
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static String constraintName(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
					&& psql.getServerErrorMessage().getConstraint() != null) {
				return psql.getServerErrorMessage().getConstraint();
			}
		}
		return "a uniqueness or overlap rule";
	}
}
