package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import clinic.platform.security.AccessPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service keeps the clinic's access policy ({@code docs/access-policy.md}): its OpenAPI document, the policy's
 * rows for it and its controllers' {@code @PreAuthorize} name the same operations and roles, and every operation
 * answers each role as its row says, deciding before the body is read (a caller without the role who sends a broken
 * body gets 403; one with the role gets the 400), each refusal in problem+json with the bearer-token
 * {@code WWW-Authenticate} header kept. Runs on the module's shared context ({@link #runningService()}):
 * the ids are random and the bodies broken, so nothing changes.
 */
public interface AccessPolicyConformance {

	/** The service's API paths, e.g. {@code /api/intake/}; its OpenAPI document is at {@code <prefix>openapi}. */
	String apiPrefix();

	ConfigurableApplicationContext runningService();

	/** Operations as {@code METHOD /path}, from the service's own OpenAPI document. */
	default Set<String> openApiOperations() throws Exception {
		var document = runningService().getBean(JsonMapper.class)
			.readTree(mvc().perform(get(apiPrefix() + "openapi")).andReturn().getResponse().getContentAsString());
		var operations = new TreeSet<String>();
		for (var path : document.get("paths").properties()) {
			for (var method : path.getValue().properties()) {
				if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
					operations.add(method.getKey().toUpperCase() + " " + path.getKey());
				}
			}
		}
		return operations;
	}

	@Test
	default void everyOperationOfTheOpenApiDocumentHasARowInTheAccessPolicyAndEveryRowAnOperation() throws Exception {
		var documented = openApiOperations();
		var ruled = new TreeSet<String>();
		AccessPolicy.clinic().under(apiPrefix()).forEach(rule -> ruled.add(rule.operation()));
		assertThat(documented).as("the OpenAPI document has operations").isNotEmpty();
		assertThat(difference(documented, ruled)).as("operations without a row in docs/access-policy.md").isEmpty();
		assertThat(difference(ruled, documented)).as("rows of docs/access-policy.md without an operation").isEmpty();
	}

	@Test
	default void everyControllerMethodAllowsExactlyTheRolesOfItsRow() {
		var mappings = runningService().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		var disagreements = new ArrayList<String>();
		var checked = 0;
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			for (var operation : operations(entry.getKey())) {
				var rule = AccessPolicy.clinic().rule(operation.split(" ")[0], operation.split(" ")[1]);
				if (rule.isEmpty()) {
					continue; // not the service's API (the docs, errors); the OpenAPI test covers the API's operations
				}
				checked++;
				var preAuthorize = preAuthorize(entry.getValue());
				var roles = preAuthorize == null ? Set.<String>of() : rolesNamedIn(preAuthorize.value());
				if (preAuthorize == null || !roles.equals(Set.copyOf(rule.get().roles()))) {
					disagreements.add(operation + ": @PreAuthorize "
							+ (preAuthorize == null ? "missing" : "\"" + preAuthorize.value() + "\"") + ", the policy "
							+ rule.get().roles());
				}
			}
		}
		assertThat(checked).as("controller methods under " + apiPrefix()).isPositive();
		assertThat(disagreements).as("@PreAuthorize that disagrees with docs/access-policy.md").isEmpty();
	}

	@Test
	default void eachRoleIsAnsweredAsItsRowSaysAndARefusalComesBeforeTheBodyIsRead() throws Exception {
		var document = runningService().getBean(JsonMapper.class)
			.readTree(mvc().perform(get(apiPrefix() + "openapi")).andReturn().getResponse().getContentAsString());
		var wrong = new ArrayList<String>();
		var calls = 0;
		for (var rule : AccessPolicy.clinic().under(apiPrefix())) {
			var path = rule.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			var readsBody = document.path("paths").path(rule.path()).path(rule.method().name().toLowerCase())
				.has("requestBody");
			calls++;
			var anonymous = call(rule.method(), path, null);
			if (anonymous.getStatus() != 401) {
				wrong.add(rule.operation() + " anonymous: " + anonymous.getStatus() + ", not 401");
			}
			refusalProblem(anonymous).ifPresent(fault -> wrong.add(rule.operation() + " anonymous: " + fault));
			for (var role : AccessPolicy.ROLES) {
				calls++;
				var answer = call(rule.method(), path, role);
				var status = answer.getStatus();
				if (!rule.allows(role) && status != 403) {
					wrong.add(rule.operation() + " as " + role + " (not allowed) with a broken body: " + status
							+ ", not 403");
				}
				if (rule.allows(role) && readsBody && status != 400) {
					wrong.add(rule.operation() + " as " + role + " (allowed) with a broken body: " + status
							+ ", not 400");
				}
				if (rule.allows(role) && (status == 401 || status == 403)) {
					wrong.add(rule.operation() + " as " + role + " (allowed): " + status);
				}
				refusalProblem(answer).ifPresent(fault -> wrong.add(rule.operation() + " as " + role + ": " + fault));
			}
		}
		assertThat(calls).isPositive();
		assertThat(wrong).as("answers that disagree with docs/access-policy.md").isEmpty();
	}

	/**
	 * What is wrong with a refusal's form, if anything: every 4xx is problem+json with its status, and a 401 or 403
	 * keeps the bearer-token {@code WWW-Authenticate} header (RFC 6750) a client library reads.
	 */
	private static Optional<String> refusalProblem(MockHttpServletResponse answer) throws Exception {
		var status = answer.getStatus();
		if (status < 400 || status >= 500) {
			return Optional.empty();
		}
		var type = answer.getContentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
			return Optional.of(status + " answered as " + type + ", not problem+json");
		}
		if (!answer.getContentAsString().contains("\"status\":" + status)) {
			return Optional.of(status + " with a problem document of another status: " + answer.getContentAsString());
		}
		var challenge = answer.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		if ((status == 401 || status == 403) && (challenge == null || !challenge.startsWith("Bearer"))) {
			return Optional.of(status + " without a Bearer WWW-Authenticate header");
		}
		return Optional.empty();
	}

	private MockHttpServletResponse call(HttpMethod method, String path, String role) throws Exception {
		var request = request(method, path).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)
			.content("{\"broken");
		if (role != null) {
			request.with(Tokens.as("policy-" + role, role));
		}
		return mvc().perform(request).andReturn().getResponse();
	}

	private MockMvc mvc() {
		return runningService().getBean(MockMvc.class);
	}

	private static List<String> operations(RequestMappingInfo info) {
		var operations = new ArrayList<String>();
		for (var method : info.getMethodsCondition().getMethods()) {
			for (var pattern : info.getPatternValues()) {
				operations.add(method.name() + " " + pattern);
			}
		}
		operations.sort(Comparator.naturalOrder());
		return operations;
	}

	private static PreAuthorize preAuthorize(HandlerMethod handler) {
		var onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		return onMethod != null ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
	}

	/** The roles of {@code hasRole('x')} / {@code hasAnyRole('x', 'y')}; anything else is none (and so disagrees). */
	private static Set<String> rolesNamedIn(String expression) {
		if (!expression.matches("\\s*has(Any)?Role\\(\\s*'[\\w-]+'(\\s*,\\s*'[\\w-]+')*\\s*\\)\\s*")) {
			return Set.of();
		}
		var roles = new TreeSet<String>();
		var role = Pattern.compile("'([\\w-]+)'").matcher(expression);
		while (role.find()) {
			roles.add(role.group(1));
		}
		return Set.copyOf(roles);
	}

	private static Set<String> difference(Set<String> these, Set<String> those) {
		var left = new TreeSet<>(these);
		left.removeAll(those);
		return left;
	}
}
