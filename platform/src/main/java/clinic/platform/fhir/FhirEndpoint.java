package clinic.platform.fhir;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import clinic.contracts.Roles;

/**
 * What every service's FHIR endpoint shares: the public CapabilityStatement, the audit trail as AuditEvents and
 * handing an interaction to the FHIR server. The service's {@code @Controller} extends it with one method per row of the access policy's FHIR table
 * (docs/access-policy.md), each calling {@link #serve}, so that what every API call gets from Spring MVC holds there
 * too: the audit trail's operation and kind (a read with a path variable, else a search), the patient its path names,
 * and {@code @PreAuthorize} as the second line behind the policy's rows.
 */
public abstract class FhirEndpoint {

	private final FhirServer server;

	protected FhirEndpoint(FhirServer server) {
		this.server = server;
	}

	/** The CapabilityStatement: what this server supports, public as the API's documents are. */
	@GetMapping(FhirServer.BASE + "/metadata")
	public void metadata(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	/**
	 * Reads one event of the service's audit trail ({@link AuditEventResources}): every FHIR-serving service has it,
	 * so its rows of the access policy are here, not in each service's endpoint.
	 */
	@GetMapping(FhirServer.BASE + "/AuditEvent/{auditEventId}")
	@PreAuthorize(Roles.IS_ADMIN_OR_INTEGRATION)
	public void readAuditEvent(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	/** Searches the service's audit trail as AuditEvents (the gateway asks every service and merges the pages). */
	@GetMapping(FhirServer.BASE + "/AuditEvent")
	@PreAuthorize(Roles.IS_ADMIN_OR_INTEGRATION)
	public void searchAuditEvents(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	/** Hands the interaction to the FHIR server, which answers it. */
	protected final void serve(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		server.service(request, response);
	}
}
