package clinic.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import clinic.contracts.Roles;

/**
 * The clinic's access policy as reviewers read it ({@code docs/access-policy.md}, packaged into this module): per
 * operation of a service's API, the roles that may call it, each with the reason it needs to. Every service's filter
 * chain authorizes requests by it before the body is read ({@link #authorize}), so a caller without the role learns
 * nothing about the body's rules; the controllers' {@code @PreAuthorize} say the same and are the second line.
 * Operations are a service's API ({@code /api/...}) or FHIR interactions ({@code /fhir/...}: intake's, scheduling's,
 * session's).
 */
public final class AccessPolicy {

	/** Where the reviewed table lies on the class path (copied from {@code docs/access-policy.md} by the build). */
	public static final String RESOURCE = "clinic/access-policy.md";

	/** The realm roles, in the table's column order. */
	public static final List<String> ROLES = List.of(Roles.FRONT_DESK, Roles.NURSE, Roles.CLINICIAN, Roles.ADMIN,
			Roles.INTEGRATION);

	private static final Set<String> DENIED = Set.of("—", "-", "");

	/** One operation ({@code GET /api/intake/patients/{patientId}}) and, per role allowed, why it may call it. */
	public record Rule(HttpMethod method, String path, Map<String, String> reasons) {

		public Rule {
			reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
		}

		/** The roles allowed, in the table's order. */
		public Set<String> roles() {
			return reasons.keySet();
		}

		public boolean allows(String role) {
			return reasons.containsKey(role);
		}

		public String operation() {
			return method.name() + " " + path;
		}
	}

	private static final class Clinic {

		static final AccessPolicy POLICY = load();

		private static AccessPolicy load() {
			try (InputStream in = AccessPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The access policy " + RESOURCE + " is not on the class path");
				}
				return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private final List<Rule> rules;

	private AccessPolicy(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** The clinic's policy, read once from the class path. */
	public static AccessPolicy clinic() {
		return Clinic.POLICY;
	}

	/**
	 * Reads every table whose header is {@code | operation | <role> | ...}: a row per operation, a cell per role with
	 * the reason it is allowed or {@code —} when it is not. An unknown role, a malformed operation or a repeated one
	 * is an error (the service does not start with a policy it cannot read).
	 */
	public static AccessPolicy parse(String markdown) {
		var rules = new ArrayList<Rule>();
		var seen = new LinkedHashSet<String>();
		List<String> columns = null;
		for (var line : markdown.lines().map(String::strip).toList()) {
			if (!line.startsWith("|")) {
				columns = null;
				continue;
			}
			var cells = cells(line);
			if (cells.get(0).equals("operation")) {
				columns = cells.subList(1, cells.size());
				for (var role : columns) {
					if (!ROLES.contains(role)) {
						throw new IllegalStateException("Unknown role '" + role + "' in the access policy: " + line);
					}
				}
				continue;
			}
			if (columns == null || cells.get(0).startsWith("---")) {
				continue;
			}
			if (cells.size() != columns.size() + 1) {
				throw new IllegalStateException("A row of the access policy has " + (cells.size() - 1)
						+ " role cells, not " + columns.size() + ": " + line);
			}
			var rule = rule(cells.get(0), columns, cells.subList(1, cells.size()), line);
			if (!seen.add(rule.operation())) {
				throw new IllegalStateException("The access policy lists " + rule.operation() + " twice");
			}
			rules.add(rule);
		}
		return new AccessPolicy(rules);
	}

	private static List<String> cells(String line) {
		var inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
		return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
	}

	private static Rule rule(String operation, List<String> columns, List<String> cells, String line) {
		var parts = operation.replace("`", "").strip().split("\\s+");
		if (parts.length != 2 || !(parts[1].startsWith("/api/") || parts[1].startsWith("/fhir/"))) {
			throw new IllegalStateException("Not an operation (`METHOD /api/...` or `METHOD /fhir/...`): " + line);
		}
		var reasons = new LinkedHashMap<String, String>();
		for (int i = 0; i < columns.size(); i++) {
			if (!DENIED.contains(cells.get(i))) {
				reasons.put(columns.get(i), cells.get(i));
			}
		}
		return new Rule(HttpMethod.valueOf(parts[0]), parts[1], reasons);
	}

	public List<Rule> rules() {
		return rules;
	}

	/** The rules of one service's API, e.g. {@code /api/intake/}. */
	public List<Rule> under(String pathPrefix) {
		return rules.stream().filter(rule -> rule.path().startsWith(pathPrefix)).toList();
	}

	/** The rule for an operation as its OpenAPI document names it ({@code POST}, {@code /api/session/records}). */
	public Optional<Rule> rule(String method, String path) {
		return rules.stream()
			.filter(rule -> rule.method().name().equalsIgnoreCase(method) && rule.path().equals(path))
			.findFirst();
	}

	/**
	 * Each operation to the roles its row allows (none: refused). The most specific paths come first, so that
	 * {@code /consultations/mine} is not taken for {@code /consultations/{consultationId}}.
	 */
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		var parser = PathPatternParser.defaultInstance;
		rules.stream()
			.sorted(Comparator.comparing((Rule rule) -> parser.parse(rule.path()), PathPattern.SPECIFICITY_COMPARATOR))
			.forEach(rule -> {
				var operation = requests.requestMatchers(rule.method(), rule.path());
				if (rule.roles().isEmpty()) {
					operation.denyAll();
				}
				else {
					operation.hasAnyRole(rule.roles().toArray(String[]::new));
				}
			});
	}
}
