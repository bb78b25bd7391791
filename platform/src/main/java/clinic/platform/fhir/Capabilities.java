package clinic.platform.fhir;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;

/**
 * The CapabilityStatement lists exactly what the service serves ({@link FhirService}). HAPI's own statement also
 * offers what the server's plumbing could do but the clinic does not: OperationDefinition reads (an operation is named
 * by the canonical definition it implements, {@link FhirService#operations()}), {@code _revinclude}, {@code _include}s
 * the service's searches do not support, and RDF Turtle (not on the class path). Those are taken out. The gateway merges the services' statements for {@code /fhir/metadata}.
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
			rest.getOperation().removeIf(operation -> !service.operations().containsKey(operation.getName()));
			rest.getResource().forEach(resource -> {
				// an operation named by the canonical definition it implements (an IHE profile's), as the server
				// serves no OperationDefinition of its own
				resource.getOperation().removeIf(operation -> !service.operations().containsKey(operation.getName()));
				resource.getOperation()
					.forEach(operation -> operation.setDefinition(service.operations().get(operation.getName())));
				resource.getSearchRevInclude().clear();
				resource.getSearchInclude()
					.removeIf(include -> !service.includes().test(resource.getType(), include.getValue()));
			});
		}
	}
}
