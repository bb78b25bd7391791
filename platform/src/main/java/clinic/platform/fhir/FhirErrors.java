package clinic.platform.fhir;

import java.util.List;


import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import clinic.platform.audit.AuditUnavailableException;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

/**
 * The domain's refusals in FHIR's words, as the REST API's problem handling answers them: unknown 404, invalid 422, a
 * conflict 409, a parameter HAPI cannot read 400, the store or the audit trail out of reach 503; before those, what a
 * service translates itself ({@link FhirErrorTranslation}, intake's likely duplicate). HAPI writes each as an
 * OperationOutcome; anything else stays a 500, the server's fault.
 */
class FhirErrors {

	private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

	private final List<FhirErrorTranslation> own;

	FhirErrors(List<FhirErrorTranslation> own) {
		this.own = List.copyOf(own);
	}

	/**
	 * HAPI hands over what a provider threw wrapped in a 500 ({@link InternalErrorException}): the cause that says
	 * what happened is looked for along the chain.
	 */
	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException translate(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			var translated = translated(cause);
			if (translated != null) {
				return translated;
			}
		}
		return thrown instanceof BaseServerResponseException known ? known : new InternalErrorException(thrown);
	}

	private @Nullable BaseServerResponseException translated(Throwable cause) {
		if (cause instanceof BaseServerResponseException known && !(known instanceof InternalErrorException)) {
			return known;
		}
		if (cause instanceof DataFormatException) {
			// a parameter HAPI could not read (a date that is no date): the client's, not the server's fault
			return new InvalidRequestException(cause.getMessage());
		}
		for (var translation : own) {
			var translated = translation.translate(cause);
			if (translated != null) {
				return translated;
			}
		}
		if (cause instanceof NotFoundException) {
			return new ResourceNotFoundException(cause.getMessage());
		}
		if (cause instanceof InvalidInputException) {
			return new UnprocessableEntityException(cause.getMessage());
		}
		if (cause instanceof ConflictException) {
			return new ResourceVersionConflictException(cause.getMessage());
		}
		if (cause instanceof AuditUnavailableException || cause instanceof DataAccessException
				|| cause instanceof TransactionException) {
			log.warn("FHIR request answered 503", cause);
			return new BaseServerResponseException(503, "The clinic's store or audit trail is not reachable just now; "
					+ "try again shortly") {
				private static final long serialVersionUID = 1L;
			};
		}
		return null;
	}
}
