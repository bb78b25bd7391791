package clinic.gateway.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import ca.uhn.fhir.context.FhirContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The suite's CapabilityStatement: each FHIR-serving service's own statement, read from its {@code /fhir/metadata}
 * (through the load balancer, as the routes reach it), their {@code rest[0].resource} entries listed together by type.
 * A type several services serve (clinic.gateway.fhir.shared-types) is listed once, with what either owner supports. The
 * rest (FHIR version, formats, kind) is the first service's; a service on another FHIR version, or one that cannot
 * be reached, fails the whole statement (a partial one would not list exactly what is supported). Kept for
 * {@code clinic.gateway.fhir.metadata-cache}; a failure is not kept, so the next request asks again.
 */
@Component
@EnableConfigurationProperties(FhirSettings.class)
class SuiteCapabilities {

	private static final Logger log = LoggerFactory.getLogger(SuiteCapabilities.class);

	private record Kept(CapabilityStatement statement, Map<String, CapabilityStatement> byService, Instant until) {
	}

	private final FhirContext fhir;

	private final WebClient services;

	private final FhirSettings settings;

	private volatile @Nullable Kept kept;

	SuiteCapabilities(FhirContext fhir, ReactorLoadBalancerExchangeFilterFunction loadBalancer, FhirSettings settings) {
		this.fhir = fhir;
		this.services = WebClient.builder().filter(loadBalancer).build();
		this.settings = settings;
	}

	/** The merged statement (the caller's own copy), kept or read afresh. */
	Mono<CapabilityStatement> statement() {
		return kept().map(kept -> kept.statement().copy());
	}

	/**
	 * The search parameters each service states for a type, by service (a service that does not serve the type is
	 * not in the map), as kept with the statement.
	 */
	Mono<Map<String, Set<String>>> searchParameters(String type) {
		return kept().map(kept -> {
			var parameters = new LinkedHashMap<String, Set<String>>();
			kept.byService().forEach((service, statement) -> statement.getRestFirstRep().getResource().stream()
				.filter(resource -> resource.getType().equals(type))
				.findFirst()
				.ifPresent(resource -> parameters.put(service, resource.getSearchParam().stream()
					.map(parameter -> parameter.getName()).collect(Collectors.toSet()))));
			return parameters;
		});
	}

	private Mono<Kept> kept() {
		var now = Instant.now();
		var current = this.kept;
		if (current != null && current.until().isAfter(now)) {
			return Mono.just(current);
		}
		var services = this.settings.services();
		return Flux.fromIterable(services)
			.flatMapSequential(this::statementOf)
			.collectList()
			.map(statements -> {
				var byService = new LinkedHashMap<String, CapabilityStatement>();
				for (int i = 0; i < services.size(); i++) {
					byService.put(services.get(i), statements.get(i));
				}
				return new Kept(merged(statements), byService, now.plus(this.settings.metadataCache()));
			})
			.doOnNext(fresh -> this.kept = fresh);
	}

	/** Forgets the kept statement, so that the next request asks the services again. */
	void forget() {
		this.kept = null;
	}

	private Mono<CapabilityStatement> statementOf(String service) {
		return this.services.get()
			.uri("http://" + service + "/fhir/metadata")
			.header("Accept", "application/fhir+json")
			.retrieve()
			.bodyToMono(String.class)
			.timeout(this.settings.metadataTimeout())
			.map(json -> {
				var statement = this.fhir.newJsonParser().parseResource(CapabilityStatement.class, json);
				if (statement.getFhirVersion() != FHIRVersion._4_0_1) {
					throw new IllegalStateException(service + " states FHIR " + statement.getFhirVersion().toCode()
							+ ", not 4.0.1");
				}
				return statement;
			})
			.doOnError(failure -> log.warn("The FHIR CapabilityStatement of {} could not be read: {}", service,
					failure.toString()));
	}

	private CapabilityStatement merged(List<CapabilityStatement> statements) {
		var suite = statements.get(0).copy();
		suite.setDate(new Date());
		suite.getSoftware().setName("Ketamine clinic");
		suite.getImplementation()
			.setDescription("The ketamine clinic's FHIR R4 resources, each served by the service that owns it")
			.setUrl(null);
		var byType = new LinkedHashMap<String, CapabilityStatementRestResourceComponent>();
		for (var statement : statements) {
			for (var resource : statement.getRestFirstRep().getResource()) {
				var listed = byType.putIfAbsent(resource.getType(), resource.copy());
				if (listed != null && this.settings.sharedTypes().containsKey(resource.getType())) {
					together(listed, resource);
				}
				else if (listed != null) {
					log.warn("Two FHIR services state {}: the first one's entry is listed", resource.getType());
				}
			}
		}
		var resources = new ArrayList<>(byType.values());
		resources.sort(Comparator.comparing(CapabilityStatementRestResourceComponent::getType));
		suite.getRestFirstRep().setResource(resources);
		return suite;
	}

	/**
	 * A type several services serve, listed once (the gateway answers it: clinic.gateway.fhir.shared-types): the
	 * interactions and search parameters of either owner, each once.
	 */
	private static void together(CapabilityStatementRestResourceComponent listed,
			CapabilityStatementRestResourceComponent other) {
		for (var interaction : other.getInteraction()) {
			if (listed.getInteraction().stream().noneMatch(i -> i.getCode() == interaction.getCode())) {
				listed.addInteraction(interaction.copy());
			}
		}
		for (var parameter : other.getSearchParam()) {
			if (listed.getSearchParam().stream().noneMatch(p -> p.getName().equals(parameter.getName()))) {
				listed.addSearchParam(parameter.copy());
			}
		}
		for (var include : other.getSearchInclude()) {
			if (listed.getSearchInclude().stream().noneMatch(i -> i.getValue().equals(include.getValue()))) {
				listed.addSearchInclude(include.getValue());
			}
		}
	}
}
