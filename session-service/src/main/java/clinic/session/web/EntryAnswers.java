package clinic.session.web;

import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import clinic.platform.audit.AuditedCall;
import clinic.platform.problems.InvalidInputException;
import clinic.session.entries.ChartEntries;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP side of {@link ChartEntries}: every POST that changes a session record reads the entry's
 * {@code Idempotency-Key} (optional: without it nothing is recognised as a repeat, as before) and {@code If-Match}
 * (optional: the record version the entry was made on, {@code "7"}), and answers with the record's version after the
 * change as {@code ETag}, and {@code Idempotent-Replayed: true} when the answer is the one stored for an earlier
 * sending of the same entry.
 */
@Component
class EntryAnswers {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final ChartEntries entries;

	EntryAnswers(ChartEntries entries) {
		this.entries = entries;
	}

	/** An entry on record {@code recordId}: {@code change} runs at most once for the entry's key. */
	ResponseEntity<String> once(HttpServletRequest http, UUID recordId, @Nullable Object request, HttpStatus status,
			Supplier<Object> change) {
		var entry = new ChartEntries.Entry(http.getHeader(IDEMPOTENCY_KEY), operation(http), request, recordId,
				expectedVersion(http));
		return answer(
				entries.once(entry, () -> audited(new ChartEntries.Change(status.value(), change.get(), recordId))));
	}

	/** Opening a record: no record yet, so no version to check; the answer is the record opened. */
	ResponseEntity<String> opening(HttpServletRequest http, Object request, Supplier<RecordView> open) {
		var entry = new ChartEntries.Entry(http.getHeader(IDEMPOTENCY_KEY), operation(http), request, null, null);
		return answer(entries.once(entry, () -> {
			var view = open.get();
			return audited(new ChartEntries.Change(HttpStatus.CREATED.value(), view, view.id()));
		}));
	}

	/**
	 * The answer is written ahead as JSON, so the audit trail cannot read the patient or the status from it: they are
	 * given to it here, inside the entry's transaction, with which its row is written.
	 */
	private static ChartEntries.Change audited(ChartEntries.Change change) {
		AuditedCall.concernsPatientsIn(change.body());
		AuditedCall.willAnswer(change.status());
		return change;
	}

	private static ResponseEntity<String> answer(ChartEntries.Answer answer) {
		var response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
		if (answer.recordVersion() != null) {
			response.eTag("\"" + answer.recordVersion() + "\"");
		}
		if (answer.replayed()) {
			response.header(REPLAYED, "true");
		}
		return response.header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer.body());
	}

	private static String operation(HttpServletRequest http) {
		return http.getMethod() + " " + http.getRequestURI();
	}

	/** {@code "7"}, {@code W/"7"} or {@code 7}: version 7; none or {@code *}: any version. */
	private static @Nullable Long expectedVersion(HttpServletRequest http) {
		var header = http.getHeader(HttpHeaders.IF_MATCH);
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return null;
		}
		var tag = header.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(HttpHeaders.IF_MATCH,
					"If-Match names the record version the entry was made on, such as \"7\"");
		}
	}
}
