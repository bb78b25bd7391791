package clinic.gateway.fhir;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import ca.uhn.fhir.context.FhirContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The resource types several services serve ({@code clinic.gateway.fhir.shared-types}), answered by the gateway
 * itself at {@code GET /fhir/<type>} and {@code GET /fhir/<type>/{id}} (JSON, or XML on asking):
 * <ul>
 * <li>a search asks every owner for its first {@code _offset + _count} matches (the client's other parameters as
 * sent), orders them all by date ({@code Observation.effective}, {@code QuestionnaireResponse.authored},
 * {@code AuditEvent.recorded}; none last),
 * then id, as each owner orders its own, and answers the page {@code [_offset, _offset + _count)} with the owners'
 * totals added and paging links at the gateway's own address. A page deep in the results costs every owner that many
 * matches, hence {@code clinic.gateway.fhir.max-offset};</li>
 * <li>a read asks the owners in turn, and the first that has the resource answers (ids are the owners' own; each
 * owner's differ in form, so no two owners name one id);</li>
 * <li>an owner that does not serve the type (404) contributes nothing; one that refuses the caller (400, 401, 403)
 * has the caller refused alike; one that fails, cannot be reached or is too slow makes the whole answer a 503 with an
 * OperationOutcome, never a page that leaves its resources out.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SharedTypes {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

	private static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml;charset=UTF-8");

	/** The client's parameters the gateway itself answers; the others go to every owner as sent. */
	private static final List<String> OWN_PARAMETERS = List.of("_offset", "_count", "_format", "_pretty");

	private final FhirContext fhir;

	private final Owners owners;

	private final FhirSettings settings;

	private final @Nullable URI publicOrigin;

	private final SuiteCapabilities capabilities;

	SharedTypes(FhirContext fhir, Owners owners, FhirSettings settings, SuiteCapabilities capabilities,
			@Value("${clinic.gateway.public-origin:}") String publicOrigin) {
		this.fhir = fhir;
		this.owners = owners;
		this.capabilities = capabilities;
		this.settings = settings;
		this.publicOrigin = StringUtils.hasText(publicOrigin) ? URI.create(publicOrigin) : null;
	}

	@Bean
	RouterFunction<ServerResponse> sharedFhirTypes() {
		var routes = RouterFunctions.route();
		this.settings.sharedTypes().forEach((type, typeOwners) -> routes
			.GET("/fhir/" + type, request -> search(request, type, typeOwners))
			.GET("/fhir/" + type + "/{id}", request -> read(request, type, request.pathVariable("id"), typeOwners)));
		// with no shared type, a route that matches nothing: a RouterFunction bean must route something
		return this.settings.sharedTypes().isEmpty() ? RouterFunctions.route(request -> false, request -> null)
				: routes.build();
	}

	Mono<ServerResponse> search(ServerRequest request, String type, List<String> typeOwners) {
		boolean xml = wantsXml(request);
		int offset;
		int count;
		try {
			offset = whole(request, "_offset", 0);
			count = whole(request, "_count", this.settings.pageSize());
		}
		catch (IllegalArgumentException bad) {
			return answer(HttpStatus.BAD_REQUEST, Outcomes.of(OperationOutcome.IssueType.INVALID, bad.getMessage()),
					xml, null);
		}
		if (offset < 0 || offset > this.settings.maxOffset()) {
			return answer(HttpStatus.BAD_REQUEST, Outcomes.of(OperationOutcome.IssueType.TOOCOSTLY,
					"_offset must be between 0 and " + this.settings.maxOffset() + " (a search across services pages "
							+ "no further; narrow it, e.g. by date): " + offset),
					xml, null);
		}
		if (count < 1) {
			return answer(HttpStatus.BAD_REQUEST,
					Outcomes.of(OperationOutcome.IssueType.INVALID, "_count must be at least 1: " + count), xml, null);
		}
		int size = Math.min(count, this.settings.maxPageSize());
		var forwarded = new LinkedMultiValueMap<String, String>();
		request.queryParams().forEach((name, values) -> {
			if (!OWN_PARAMETERS.contains(name)) {
				forwarded.addAll(name, values);
			}
		});
		// an owner whose statement lacks a parameter asked for has nothing that matches it (intake's scores have no
		// encounter): it is not asked, so one owner's parameter never makes another refuse the search
		var asked = forwarded.keySet().stream().filter(name -> !name.startsWith("_"))
			.map(name -> name.split("[:.]", 2)[0]).collect(Collectors.toSet());
		return this.capabilities.searchParameters(type)
			.onErrorResume(unknown -> Mono.just(Map.of()))
			.flatMapMany(parameters -> Flux.fromIterable(typeOwners)
				.flatMapSequential(owner -> parameters.isEmpty() || parameters.getOrDefault(owner, Set.of()).containsAll(asked)
						? this.owners.matches(owner, type, forwarded, offset + size, request.exchange())
						: Mono.just((Owners.Answer) new Owners.Nothing())))
			.collectList()
			.flatMap(answers -> {
				var refusal = refusal(answers, xml);
				if (refusal != null) {
					return refusal;
				}
				var entries = new ArrayList<BundleEntryComponent>();
				int total = 0;
				for (var answer : answers) {
					if (answer instanceof Owners.Matches matches) {
						entries.addAll(matches.entries());
						total += matches.total();
					}
				}
				entries.sort(Comparator.comparing((BundleEntryComponent entry) -> dateOf(entry.getResource()),
						Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(entry -> entry.getResource().getIdElement().getIdPart(),
							Comparator.nullsLast(Comparator.naturalOrder())));
				var page = entries.subList(Math.min(offset, entries.size()), Math.min(offset + size, entries.size()));
				return answer(HttpStatus.OK, bundle(request, type, page, total, offset, size), xml, null);
			});
	}

	Mono<ServerResponse> read(ServerRequest request, String type, String id, List<String> typeOwners) {
		boolean xml = wantsXml(request);
		return Flux.fromIterable(typeOwners)
			.concatMap(owner -> this.owners.read(owner, type, id, request.exchange()))
			// the first owner that has it, or refuses or fails, decides; the others are not asked
			.filter(answer -> !(answer instanceof Owners.Nothing))
			.next()
			.flatMap(answer -> {
				var refusal = refusal(List.of(answer), xml);
				if (refusal != null) {
					return refusal;
				}
				return answer(HttpStatus.OK, ((Owners.Found) answer).resource(), xml, null);
			})
			.switchIfEmpty(Mono.defer(() -> answer(HttpStatus.NOT_FOUND,
					Outcomes.of(OperationOutcome.IssueType.NOTFOUND, type + "/" + id + " is not known"), xml, null)));
	}

	/** A failure of any owner (503) before a refusal (the first owner's), else null: the owners answered. */
	private @Nullable Mono<ServerResponse> refusal(List<Owners.Answer> answers, boolean xml) {
		for (var answer : answers) {
			if (answer instanceof Owners.Failed) {
				return answer(HttpStatus.SERVICE_UNAVAILABLE, Outcomes.of(OperationOutcome.IssueType.TRANSIENT,
						"One of the clinic's services holding these resources is not reachable just now, so no "
								+ "complete answer can be given. Try again shortly."),
						xml, null);
			}
		}
		for (var answer : answers) {
			if (answer instanceof Owners.Refused refused) {
				return answer(HttpStatus.valueOf(refused.status()), refused.outcome(), xml, refused.challenge());
			}
		}
		return null;
	}

	private Bundle bundle(ServerRequest request, String type, List<BundleEntryComponent> page, int total, int offset,
			int size) {
		var bundle = new Bundle();
		bundle.setId(UUID.randomUUID().toString());
		bundle.getMeta().setLastUpdated(new Date());
		bundle.setType(Bundle.BundleType.SEARCHSET);
		bundle.setTotal(total);
		bundle.addLink().setRelation(Bundle.LINK_SELF).setUrl(link(request, type, offset, size));
		if (offset + size < total) {
			bundle.addLink().setRelation(Bundle.LINK_NEXT).setUrl(link(request, type, offset + size, size));
		}
		if (offset > 0) {
			bundle.addLink()
				.setRelation(Bundle.LINK_PREV)
				.setUrl(link(request, type, Math.max(0, Math.min(offset, total) - size), size));
		}
		for (var entry : page) {
			var copy = entry.copy();
			copy.getSearch().setMode(SearchEntryMode.MATCH);
			bundle.addEntry(copy);
		}
		return bundle;
	}

	/** The search at the gateway's own address, as the client addressed it (or its public origin), at this page. */
	private String link(ServerRequest request, String type, int offset, int size) {
		var addressed = this.publicOrigin != null ? this.publicOrigin : request.uri();
		var parameters = new LinkedMultiValueMap<String, String>();
		request.queryParams().forEach((name, values) -> {
			if (!name.equals("_offset") && !name.equals("_count")) {
				parameters.addAll(name, values);
			}
		});
		parameters.add("_count", Integer.toString(size));
		parameters.add("_offset", Integer.toString(offset));
		return UriComponentsBuilder.newInstance()
			.scheme(addressed.getScheme())
			.host(addressed.getHost())
			.port(addressed.getPort())
			.path("/fhir/" + type)
			.build()
			.toUriString() + "?" + Queries.of(parameters);
	}

	/**
	 * When the resource was made: an Observation's effective time, a QuestionnaireResponse's authored, an AuditEvent's
	 * recorded (each service orders its trail so: to the millisecond, then by id as text).
	 */
	private static @Nullable Date dateOf(Resource resource) {
		if (resource instanceof Observation observation) {
			if (observation.hasEffectiveDateTimeType()) {
				return observation.getEffectiveDateTimeType().getValue();
			}
			if (observation.hasEffectivePeriod()) {
				return observation.getEffectivePeriod().getStart();
			}
			if (observation.hasEffectiveInstantType()) {
				return observation.getEffectiveInstantType().getValue();
			}
			return observation.getIssued();
		}
		if (resource instanceof QuestionnaireResponse response) {
			return response.getAuthored();
		}
		if (resource instanceof AuditEvent event) {
			return event.getRecorded();
		}
		return null;
	}

	private static int whole(ServerRequest request, String name, int otherwise) {
		var value = request.queryParam(name).orElse(null);
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notWhole) {
			throw new IllegalArgumentException(name + " must be a whole number: " + value);
		}
	}

	private Mono<ServerResponse> answer(HttpStatus status, IBaseResource resource, boolean xml,
			@Nullable String challenge) {
		var parser = xml ? this.fhir.newXmlParser() : this.fhir.newJsonParser();
		var response = ServerResponse.status(status).contentType(xml ? FHIR_XML : FHIR_JSON);
		if (challenge != null) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		return response.bodyValue(parser.encodeResourceToString(resource));
	}

	/** As the services decide: {@code _format} first, else an {@code Accept} naming XML and not JSON. */
	private static boolean wantsXml(ServerRequest request) {
		var format = request.queryParam("_format").orElse(null);
		if (format != null) {
			return format.contains("xml");
		}
		var accept = request.headers().firstHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("xml") && !accept.contains("json");
	}
}
