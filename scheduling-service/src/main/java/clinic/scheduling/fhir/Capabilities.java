package clinic.scheduling.fhir;

import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;

/**
 * The CapabilityStatement lists exactly what scheduling serves. HAPI's own statement also offers what the server's
 * plumbing could do but the clinic does not (OperationDefinition reads, {@code _include}, {@code _revinclude}, RDF
 * Turtle); those are taken out. The gateway merges this statement's resources with intake's for {@code /fhir/metadata}.
 */
class Capabilities extends ServerCapabilityStatementProvider {

	private static final Set<String> SERVED = Set.of("Location", "Schedule", "Appointment");

	Capabilities(RestfulServer server) {
		super(server);
		setPublisher("Ketamine clinic");
	}

	@Override
	protected void postProcess(FhirTerser terser, IBaseConformance conformance) {
		super.postProcess(terser, conformance);
		var statement = (CapabilityStatement) conformance;
		statement.getFormat().removeIf(format -> format.getValue().contains("turtle") || format.getValue().equals("ttl"));
		for (var rest : statement.getRest()) {
			rest.getResource().removeIf(resource -> !SERVED.contains(resource.getType()));
			rest.getResource().forEach(resource -> {
				resource.getSearchRevInclude().clear();
				resource.getSearchInclude().clear();
			});
		}
	}
}
