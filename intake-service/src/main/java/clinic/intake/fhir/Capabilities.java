package clinic.intake.fhir;

import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;

/**
 * The CapabilityStatement lists exactly what intake serves. HAPI's own statement also offers what the server's
 * plumbing could do but the clinic does not: OperationDefinition reads (intake defines no operations),
 * {@code _revinclude}, {@code _include=*} on Patient, and RDF Turtle (not on the class path). Those are taken out;
 * the {@code _include} a ServiceRequest search supports stays.
 */
class Capabilities extends ServerCapabilityStatementProvider {

	private static final Set<String> SERVED = Set.of("Patient", "ServiceRequest");

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
			rest.getResource().forEach(Capabilities::onlyIncludesServed);
		}
	}

	private static void onlyIncludesServed(CapabilityStatementRestResourceComponent resource) {
		resource.getSearchRevInclude().clear();
		resource.getSearchInclude()
			.removeIf(include -> !(resource.getType().equals("ServiceRequest")
					&& include.getValue().equals(ReferralResources.INCLUDE_PATIENT)));
	}
}
