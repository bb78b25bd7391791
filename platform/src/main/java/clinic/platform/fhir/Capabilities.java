package clinic.platform.fhir;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;

/**
 * The CapabilityStatement lists exactly what the service serves ({@link FhirService}). HAPI's own statement also
 * offers what the server's plumbing could do but the clinic does not: OperationDefinition reads (no service defines
 * operations), {@code _revinclude}, {@code _include}s the service's searches do not support, and RDF Turtle (not on the
 * class path). Those are taken out. The gateway merges the services' statements for {@code /fhir/metadata}.
 */
class Capabilities extends ServerCapabilityStatementProvider {

	private final FhirService service;

	Capabilities(RestfulServer server, FhirService service) {
		super(server);
		this.service = service;
		setPublisher("Ketamine clinic");
	}

	@Override
	protected void postProcess(FhirTerser terser, IBaseConformance conformance) {
		super.postProcess(terser, conformance);
		var statement = (CapabilityStatement) conformance;
		statement.getFormat().removeIf(format -> format.getValue().contains("turtle") || format.getValue().equals("ttl"));
		for (var rest : statement.getRest()) {
			rest.getResource().removeIf(resource -> !service.served().contains(resource.getType()));
			rest.getResource().forEach(resource -> {
				resource.getSearchRevInclude().clear();
				resource.getSearchInclude()
					.removeIf(include -> !service.includes().test(resource.getType(), include.getValue()));
			});
		}
	}
}
