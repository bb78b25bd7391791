package clinic.gateway.fhir;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import ca.uhn.fhir.context.FhirContext;
import clinic.gateway.audit.ForwardedToServices;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Asks one owner of a shared resource type (through the load balancer, as the routes reach it) with the caller's own
 * bearer token and user agent, and the {@code X-Forwarded-*} headers a routed call gets, so that the owner checks the
 * token, audits the client (not the gateway) and names the gateway in its {@code fullUrl}s. What it answers is one of
 * {@link Answer}'s kinds; it never throws.
 */
@Component
class Owners {

	private static final Logger log = LoggerFactory.getLogger(Owners.class);

	/** What an owner answered. */
	sealed interface Answer {
	}

	/** Its first matches (at most as many as asked for, in its order) and how many it has in all. */
	record Matches(List<BundleEntryComponent> entries, int total) implements Answer {
	}

	/** The resource read by id. */
	record Found(Resource resource) implements Answer {
	}

	/** It does not serve the type, or has no resource of the id read: it contributes nothing. */
	record Nothing() implements Answer {
	}

	/** It refused the caller (400, 401, 403): the caller gets the same refusal. */
	record Refused(int status, OperationOutcome outcome, @Nullable String challenge) implements Answer {
	}

	/** It could not be reached, failed, or answered what cannot be read: the whole answer is unavailable (503). */
	record Failed(String why) implements Answer {
	}

	private final FhirContext fhir;

	private final WebClient services;

	private final ForwardedToServices forwarded;

	private final FhirSettings settings;

	Owners(FhirContext fhir, ReactorLoadBalancerExchangeFilterFunction loadBalancer, ForwardedToServices forwarded,
			FhirSettings settings) {
		this.fhir = fhir;
		this.services = WebClient.builder().filter(loadBalancer).codecs(codecs -> codecs.defaultCodecs()
			.maxInMemorySize(16 * 1024 * 1024)).build();
		this.forwarded = forwarded;
		this.settings = settings;
	}

	/**
	 * The owner's first {@code wanted} matches of the search: page after page of its own ({@code _offset},
	 * {@code _count}, which it may cap at its own most per page) until it has given that many or has no more.
	 */
	Mono<Answer> matches(String owner, String type, MultiValueMap<String, String> parameters, int wanted,
			ServerWebExchange exchange) {
		return page(owner, type, parameters, wanted, new ArrayList<>(), exchange);
	}

	private Mono<Answer> page(String owner, String type, MultiValueMap<String, String> parameters, int wanted,
			List<BundleEntryComponent> got, ServerWebExchange exchange) {
		var query = new LinkedMultiValueMap<>(parameters);
		query.add("_offset", Integer.toString(got.size()));
		query.add("_count", Integer.toString(Math.max(1, wanted - got.size())));
		var uri = URI.create("http://" + owner + "/fhir/" + type + "?" + Queries.of(query));
		return ask(owner, uri, exchange).flatMap(answer -> {
			if (!(answer instanceof Found found)) {
				return Mono.just(answer);
			}
			var resource = found.resource();
			if (!(resource instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.SEARCHSET) {
				return Mono.just(failed(owner, "answered a search with " + resource.fhirType() + ", not a searchset"));
			}
			var matches = bundle.getEntry()
				.stream()
				.filter(entry -> !entry.getSearch().hasMode() || entry.getSearch().getMode() == SearchEntryMode.MATCH)
				.toList();
			got.addAll(matches);
			int total = bundle.hasTotal() ? bundle.getTotal() : got.size();
			if (got.size() >= wanted || matches.isEmpty() || got.size() >= total) {
				return Mono.just(new Matches(got.subList(0, Math.min(got.size(), wanted)), Math.max(total, got.size())));
			}
			return page(owner, type, parameters, wanted, got, exchange);
		});
	}

	/** The owner's resource of this id. */
	Mono<Answer> read(String owner, String type, String id, ServerWebExchange exchange) {
		var uri = UriComponentsBuilder.fromUriString("http://" + owner + "/fhir/{type}/{id}")
			.buildAndExpand(type, id)
			.encode()
			.toUri();
		return ask(owner, uri, exchange).map(answer -> answer instanceof Found found
				&& !found.resource().fhirType().equals(type)
						? failed(owner, "answered a read of " + type + " with " + found.resource().fhirType())
						: answer);
	}

	private Mono<Answer> ask(String owner, URI uri, ServerWebExchange exchange) {
		var incoming = exchange.getRequest().getHeaders();
		var headers = new HttpHeaders();
		copy(incoming, headers, HttpHeaders.AUTHORIZATION);
		copy(incoming, headers, HttpHeaders.USER_AGENT);
		var sent = this.forwarded.filter(headers, exchange);
		return this.services.get()
			.uri(uri)
			.headers(h -> h.addAll(sent))
			.header(HttpHeaders.ACCEPT, "application/fhir+json")
			.exchangeToMono(response -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(body -> answer(owner, response.statusCode().value(), body,
						response.headers().asHttpHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))))
			// a call that failed before any answer (a pooled connection an earlier cancelled call left broken, a
			// refused connection to an instance that just went away) is a read: asked once more, on a new connection
			.retryWhen(Retry.max(1).filter(WebClientRequestException.class::isInstance))
			.timeout(this.settings.ownerTimeout())
			.onErrorResume(failure -> Mono.just(failed(owner, failure.toString())));
	}

	private Answer answer(String owner, int status, String body, @Nullable String challenge) {
		if (status == 404 || status == 410) {
			return new Nothing();
		}
		if (status == 200) {
			try {
				return new Found((Resource) parse(body));
			}
			catch (RuntimeException unreadable) {
				return failed(owner, "answered what is not FHIR JSON: " + unreadable.getMessage());
			}
		}
		if (status == 400 || status == 401 || status == 403) {
			return new Refused(status, outcomeOf(body, status), challenge);
		}
		return failed(owner, "answered " + status);
	}

	private IBaseResource parse(String body) {
		return this.fhir.newJsonParser().parseResource(body);
	}

	/** The owner's own OperationOutcome, or one saying what its status means when it sent none. */
	private OperationOutcome outcomeOf(String body, int status) {
		try {
			if (parse(body) instanceof OperationOutcome outcome) {
				return outcome;
			}
		}
		catch (RuntimeException notFhir) {
			// a problem document (a refusal before the FHIR server) is not FHIR: say what its status means
		}
		return Outcomes.of(status == 400 ? OperationOutcome.IssueType.INVALID
				: status == 401 ? OperationOutcome.IssueType.LOGIN : OperationOutcome.IssueType.FORBIDDEN,
				status == 400 ? "The search cannot be read (400)"
						: status == 401 ? "A valid bearer token is required" : "The token's role does not allow this");
	}

	private static Answer failed(String owner, String why) {
		log.warn("The FHIR owner {} failed: {}", owner, why);
		return new Failed(owner + ": " + why);
	}

	private static void copy(HttpHeaders from, HttpHeaders to, String name) {
		var values = from.get(name);
		if (values != null) {
			to.addAll(name, values);
		}
	}
}
