package clinic.platform.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the audit trail learns about one API call while it runs: it is opened by {@link AuditTrailFilter} when the
 * call arrives, filled in by whoever learns something (the operation and the caller when Spring MVC picks the
 * handler, patients from the path, published events and the answer) and written once a change commits or the answer
 * is ready. Kept as a request attribute; one per request.
 */
final class AuditEntry {

	private static final Logger log = LoggerFactory.getLogger(AuditEntry.class);

	static final String ATTRIBUTE = AuditEntry.class.getName();

	static final String ANONYMOUS = "anonymous";

	final UUID requestId = UUID.randomUUID();

	final String method;

	final String resource;

	final @Nullable String clientAddress;

	final @Nullable String userAgent;

	@Nullable String pattern;

	/** The path's variables as Spring MVC matched them (none when it did not match). */
	Map<String, String> variables = Map.of();

	String actor = ANONYMOUS;

	@Nullable String clientId;

	final Set<UUID> patients = new LinkedHashSet<>();

	/** The status a change will answer with once committed (its handler's {@code @ResponseStatus}, or 200). */
	@Nullable Integer expectedStatus;

	/** The outcome of the last row written (for a change: committed) for this call; none while nothing is. */
	@Nullable Integer writtenOutcome;

	/** Whether the service's {@link PatientsOfPath} were asked already: once per call is enough. */
	private boolean pathAsked;

	AuditEntry(String method, String resource, @Nullable String clientAddress, @Nullable String userAgent) {
		this.method = method;
		this.resource = resource;
		this.clientAddress = clientAddress;
		this.userAgent = userAgent;
	}

	/** The entry of the API call this thread is serving, if any. */
	static @Nullable AuditEntry current() {
		var attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null ? null
				: (AuditEntry) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
	}

	static @Nullable AuditEntry of(HttpServletRequest request) {
		return (AuditEntry) request.getAttribute(ATTRIBUTE);
	}

	boolean isChange() {
		return switch (method) {
			case "POST", "PUT", "PATCH", "DELETE" -> true;
			default -> false;
		};
	}

	/** Takes the operation and the path's {@code patientId} from what Spring MVC matched, if it matched. */
	@SuppressWarnings("unchecked")
	void identify(HttpServletRequest request) {
		var matched = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (matched != null) {
			pattern = matched;
		}
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables != null) {
			this.variables = Map.copyOf(variables);
		}
		if (variables != null && variables.get("patientId") != null) {
			try {
				patients.add(UUID.fromString(variables.get("patientId")));
			}
			catch (IllegalArgumentException notAnId) {
				// the call answers 400 for it; no patient to name
			}
		}
	}

	/**
	 * When nothing named a patient yet: the one the path names by another id, as the service knows it. Never call this
	 * inside a transaction (see {@link PatientsOfPath}); a lookup that fails is logged, and the row names no patient.
	 */
	void namePatientOfPath(Iterable<PatientsOfPath> paths) {
		if (pathAsked || !patients.isEmpty() || pattern == null || variables.isEmpty()) {
			return;
		}
		pathAsked = true;
		for (var path : paths) {
			try {
				path.patientOf(pattern, variables).ifPresent(patients::add);
			}
			catch (RuntimeException unknown) {
				log.warn("Could not find the patient of {} for the audit trail", resource, unknown);
			}
		}
	}

	String action() {
		return method + " " + (pattern != null ? pattern : "(no such operation)");
	}

	/**
	 * read or search for reads (a search: a path with no variable, such as a list or a query), create, update or
	 * delete for changes.
	 */
	String kind() {
		return switch (method) {
			case "POST" -> "create";
			case "PUT", "PATCH" -> "update";
			case "DELETE" -> "delete";
			default -> pattern != null && !pattern.contains("{") ? "search" : "read";
		};
	}

	AuditLog.Row row(int outcome) {
		return new AuditLog.Row(actor, clientId, action(), kind(), resource, List.copyOf(patients), outcome,
				clientAddress, userAgent, requestId);
	}
}
