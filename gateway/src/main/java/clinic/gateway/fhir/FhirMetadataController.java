package clinic.gateway.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ca.uhn.fhir.context.FhirContext;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/metadata}, public as the services' own are: the suite's CapabilityStatement in JSON, or XML when
 * the client asks for it ({@code _format} or {@code Accept}), its security SMART on FHIR's ({@link SmartSettings}); 503 with an OperationOutcome when a FHIR-serving
 * service cannot say what it supports.
 */
@RestController
class FhirMetadataController {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

	private static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml;charset=UTF-8");

	private final SuiteCapabilities capabilities;

	private final FhirContext fhir;

	private final SmartSettings smart;

	FhirMetadataController(SuiteCapabilities capabilities, FhirContext fhir, SmartSettings smart) {
		this.capabilities = capabilities;
		this.fhir = fhir;
		this.smart = smart;
	}

	@GetMapping("/fhir/metadata")
	Mono<ResponseEntity<String>> metadata(ServerHttpRequest request) {
		boolean xml = wantsXml(request);
		return this.capabilities.statement()
			.map(statement -> {
				this.smart.describeSecurity(statement);
				return answer(HttpStatus.OK, statement, xml);
			})
			.onErrorResume(failure -> Mono.just(answer(HttpStatus.SERVICE_UNAVAILABLE, unavailable(), xml)));
	}

	private ResponseEntity<String> answer(HttpStatus status, IBaseResource resource, boolean xml) {
		var parser = xml ? this.fhir.newXmlParser() : this.fhir.newJsonParser();
		return ResponseEntity.status(status)
			.contentType(xml ? FHIR_XML : FHIR_JSON)
			.body(parser.encodeResourceToString(resource));
	}

	private static OperationOutcome unavailable() {
		var outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.TRANSIENT)
			.setDiagnostics("What the clinic's FHIR server supports cannot be said just now: one of its services is "
					+ "not reachable. Try again shortly.");
		return outcome;
	}

	/** As the services decide: {@code _format} first, else an {@code Accept} naming XML and not JSON. */
	private static boolean wantsXml(ServerHttpRequest request) {
		var format = request.getQueryParams().getFirst("_format");
		if (format != null) {
			return format.contains("xml");
		}
		var accept = request.getHeaders().getFirst("Accept");
		return accept != null && accept.contains("xml") && !accept.contains("json");
	}
}
