package clinic.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit trail's door: every call to {@code /api/**} (and to intake's FHIR server, {@code /fhir/**}) gets an
 * {@link AuditEntry} on the way in and a row in {@link AuditLog} before its answer leaves, with the status the caller
 * really gets.
 * <p>
 * How each kind of call is written, and why here:
 * <ul>
 * <li>It sits just outside Spring Security's filter chain, so it also sees the calls security refuses: a missing,
 * expired or forged token (401, actor {@code anonymous}) and a role the operation does not allow (403, whether a URL
 * rule or {@code @PreAuthorize} refused it). Who called is what the handler saw ({@link AuditedCallInterceptor}),
 * else the token that security validated (kept in the request by the resource server), else {@code anonymous}.</li>
 * <li>The answer is held in a buffer until the row is written: a read (any 2xx answer not yet recorded) whose row
 * cannot be written is answered 503 problem+json instead of the data.</li>
 * <li>A change is recorded by {@link AuditedChanges} in its own database transaction before it commits; this filter
 * then writes nothing more, unless the answer turned out other than the one recorded (then a second row with the same
 * request id records the answer).</li>
 * <li>Refusals and failures (4xx, 5xx) are written here after the fact, outside any transaction; a failure to write
 * them is logged (the caller got nothing to hide).</li>
 * </ul>
 * The client's address is the last hop of {@code X-Forwarded-For} (the one the gateway added; earlier hops are
 * whatever the client claimed), else the connection's remote address, read from the request as it arrived.
 */
class AuditTrailFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AuditTrailFilter.class);

	private static final RequestAttributeSecurityContextRepository TOKENS = new RequestAttributeSecurityContextRepository();

	private static final String UNAVAILABLE = """
			{"type":"about:blank","title":"%s","status":503,"detail":"This access could not be recorded in the audit \
			trail, so its answer is withheld. %s"}""".formatted(AuditProblems.TITLE, AuditProblems.TRY_AGAIN);

	private static final String UNAVAILABLE_FHIR = """
			{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient","diagnostics":"%s: \
			this access could not be recorded in the audit trail, so its answer is withheld. %s"}]}""".formatted(
			AuditProblems.TITLE, AuditProblems.TRY_AGAIN);

	private final AuditLog auditLog;

	private final ObjectProvider<RequestMappingHandlerMapping> operations;

	private final ObjectProvider<PatientsOfPath> patientsOfPaths;

	AuditTrailFilter(AuditLog auditLog, ObjectProvider<RequestMappingHandlerMapping> operations,
			ObjectProvider<PatientsOfPath> patientsOfPaths) {
		this.auditLog = auditLog;
		this.operations = operations;
		this.patientsOfPaths = patientsOfPaths;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/fhir/")) {
			return path.equals("/fhir/metadata"); // the FHIR server's description, as the API docs: no patient data
		}
		return !path.startsWith("/api/") || path.matches("/api/[^/]+/(openapi|docs)(/.*)?");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var entry = new AuditEntry(request.getMethod(), request.getRequestURI(), clientAddress(request),
				request.getHeader(HttpHeaders.USER_AGENT));
		request.setAttribute(AuditEntry.ATTRIBUTE, entry);
		var answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
			record(entry, request, answer, answer.getStatus());
		}
		catch (IOException | ServletException | RuntimeException failure) {
			record(entry, request, answer, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			throw failure;
		}
		finally {
			answer.copyBodyToResponse();
		}
	}

	private void record(AuditEntry entry, HttpServletRequest request, ContentCachingResponseWrapper answer,
			int status) throws IOException {
		if (entry.writtenOutcome != null && entry.writtenOutcome == status) {
			return;
		}
		complete(entry, request);
		try {
			auditLog.write(entry.row(status));
			entry.writtenOutcome = status;
		}
		catch (RuntimeException failure) {
			if (status >= 200 && status < 300 && entry.writtenOutcome == null && !answer.isCommitted()) {
				log.error("Could not record {} {} in the audit trail: answered 503 instead", request.getMethod(),
						request.getRequestURI(), failure);
				withhold(request, answer);
			}
			else {
				log.error("Could not record {} {} ({}) in the audit trail", request.getMethod(),
						request.getRequestURI(), status, failure);
			}
		}
	}

	/** What the handler did not get to fill in: the caller security validated, the operation the path names. */
	private void complete(AuditEntry entry, HttpServletRequest request) {
		if (AuditEntry.ANONYMOUS.equals(entry.actor)) {
			var authentication = TOKENS.loadDeferredContext(request).get().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()) {
				identifyCaller(entry, authentication);
			}
		}
		if (entry.pattern == null) {
			matchOperation(entry, request);
		}
		entry.namePatientOfPath(patientsOfPaths);
	}

	static void identifyCaller(AuditEntry entry, Authentication authentication) {
		entry.actor = authentication.getName();
		if (authentication instanceof JwtAuthenticationToken token) {
			entry.clientId = token.getToken().getClaimAsString("azp");
		}
	}

	/** A call refused before Spring MVC saw it: find the operation it was meant for, and the patient in its path. */
	private void matchOperation(AuditEntry entry, HttpServletRequest request) {
		Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			if (operations.getObject().getHandler(request) != null) {
				entry.identify(request);
			}
		}
		catch (Exception noOperation) {
			// no operation has this method and path: the action says so
		}
		finally {
			request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
			request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		}
	}

	/** The read's answer replaced by 503: problem+json, or for a FHIR read an OperationOutcome (FHIR's errors). */
	private static void withhold(HttpServletRequest request, ContentCachingResponseWrapper answer)
			throws IOException {
		var fhir = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/fhir/");
		answer.reset();
		answer.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		answer.setContentType(fhir ? "application/fhir+json" : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		answer.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		answer.setHeader(HttpHeaders.RETRY_AFTER, "5");
		answer.getOutputStream().write((fhir ? UNAVAILABLE_FHIR : UNAVAILABLE).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String clientAddress(HttpServletRequest request) {
		ServletRequest arrived = request;
		while (arrived instanceof ServletRequestWrapper wrapper) {
			arrived = wrapper.getRequest();
		}
		var forwarded = arrived instanceof HttpServletRequest http ? http.getHeaders("X-Forwarded-For") : null;
		String lastHop = null;
		if (forwarded != null) {
			for (var header : Collections.list(forwarded)) {
				var hops = List.of(header.split(","));
				if (!hops.isEmpty() && !hops.get(hops.size() - 1).isBlank()) {
					lastHop = hops.get(hops.size() - 1).strip();
				}
			}
		}
		return lastHop != null ? lastHop : arrived.getRemoteAddr();
	}
}
