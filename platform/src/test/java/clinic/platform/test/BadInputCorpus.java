package clinic.platform.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input for every operation of a service, generated from the service's own OpenAPI document: for each body field,
 * query and path parameter a wrong type, a null, a fraction for a whole number, numbers and dates out of any
 * plausible range, huge and control-character text, nulls in arrays, unknown choices, each required field left out;
 * for each body and each object in it a field the request does not have; for each body broken JSON, wrong shapes,
 * extra fields and wrong content types; unknown ids in paths. Every call is made by a caller holding
 * the role the operation's {@code @PreAuthorize} names, so that what is tested is the input, not the access rules.
 * <p>
 * What must hold: no answer is 5xx; every error is {@code application/problem+json}; a case with one wrong field
 * is a 400 naming that field ({@code errors[].field}); nothing is accepted, so no table changes (the audit log and
 * the outbox aside).
 */
public final class BadInputCorpus {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String HUGE = "x".repeat(100_000);

	private static final Pattern ROLE = Pattern.compile("'([^']+)'");

	/** The name of a field no request has. */
	private static final String EXTRA_FIELD = "notAFieldOfThisRequest";

	private static final Pattern VERSION = Pattern.compile("(?i).*version");

	/** One request of the corpus: {@code field} is what a 400 must name, null when no single field is wrong. */
	public record Case(String operation, String what, HttpMethod method, URI uri, String contentType, String body,
			String accept, String field) {
	}

	/** A case whose answer broke a rule. */
	public record Finding(Case sent, int status, String contentType, String answer, String rule) {

		@Override
		public String toString() {
			var body = sent.body() == null ? "" : " " + abbreviate(sent.body());
			return "%s [%s] %s %s%s -> %d %s: %s".formatted(sent.operation(), sent.what(), sent.method(),
					abbreviate(sent.uri().toString()), body, status, abbreviate(answer), rule);
		}
	}

	/** What a run covered and found. */
	public record Report(String service, int operations, int requests, Map<Integer, Integer> statuses,
			List<Finding> findings, Map<String, Long[]> changedTables, long millis, List<String> slowest) {

		public String summary() {
			return "%s: %d operations, %d requests in %d ms, statuses %s, %d findings, %d tables changed".formatted(
					service, operations, requests, millis, statuses, findings.size(), changedTables.size());
		}

		/** Every finding and changed table, one a line. */
		public String details() {
			var lines = findings.stream().map(Finding::toString).collect(Collectors.toCollection(ArrayList::new));
			changedTables.forEach((table, counts) -> lines.add("table " + table + ": " + counts[0] + " rows before, "
					+ counts[1] + " after"));
			return String.join("\n", lines);
		}
	}

	private final MockMvc mvc;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Map<String, String> roles;

	private JsonNode document;

	public BadInputCorpus(ApplicationContext service, MockMvc mvc, JsonMapper json, JdbcClient jdbc) {
		this.mvc = mvc;
		this.json = json;
		this.jdbc = jdbc;
		this.roles = rolesOf(service);
	}

	/**
	 * Sends the corpus of the operations the service's OpenAPI document at {@code openApiPath} lists; tables whose
	 * names match {@code untouched} are not counted (the audit log, which records every call, and the outbox).
	 */
	public Report run(String service, String openApiPath, Pattern uncounted) throws Exception {
		var started = System.currentTimeMillis();
		document = json.readTree(mvc.perform(get(openApiPath)).andReturn().getResponse().getContentAsString());
		var cases = new ArrayList<Case>();
		var operations = 0;
		for (var path : document.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				var method = HttpMethod.valueOf(operation.getKey().toUpperCase());
				var before = cases.size();
				cases.addAll(new Operation(method, path.getKey(), operation.getValue()).cases());
				if (cases.size() > before) {
					operations++;
				}
			}
		}
		var rowsBefore = rowCounts(uncounted);
		var statuses = new TreeMap<Integer, Integer>();
		var findings = new ArrayList<Finding>();
		var slowest = new TreeMap<Long, String>();
		for (var sent : cases) {
			var start = System.nanoTime();
			var result = send(sent);
			slowest.put((System.nanoTime() - start) / 1_000_000 * 1000 + slowest.size() % 1000,
					sent.operation() + " [" + sent.what() + "]");
			while (slowest.size() > 10) {
				slowest.pollFirstEntry();
			}
			var response = result.getResponse();
			statuses.merge(response.getStatus(), 1, Integer::sum);
			check(sent, response.getStatus(), response.getContentType(), response.getContentAsString())
				.ifPresent(findings::add);
		}
		var rowsAfter = rowCounts(uncounted);
		var changed = new TreeMap<String, Long[]>();
		rowsBefore.forEach((table, count) -> {
			if (!count.equals(rowsAfter.get(table))) {
				changed.put(table, new Long[] { count, rowsAfter.get(table) });
			}
		});
		return new Report(service, operations, cases.size(), statuses, findings, changed,
				System.currentTimeMillis() - started, slowest.descendingMap().entrySet()
					.stream()
					.map(e -> e.getKey() / 1000 + " ms " + e.getValue())
					.toList());
	}

	private MvcResult send(Case sent) throws Exception {
		MockHttpServletRequestBuilder request = request(sent.method(), sent.uri());
		var role = roles.get(sent.operation());
		request.with(Tokens.as("corpus-" + (role == null ? "anyone" : role), role == null ? "admin" : role));
		if (sent.body() != null) {
			request.content(sent.body());
		}
		if (sent.contentType() != null) {
			request.contentType(sent.contentType());
		}
		request.header("Accept", sent.accept());
		return mvc.perform(request).andReturn();
	}

	private Optional<Finding> check(Case sent, int status, String contentType, String answer) {
		if (status >= 500) {
			return Optional.of(new Finding(sent, status, contentType, answer, "a server error"));
		}
		if (status == 401 || status == 403) {
			return Optional.of(new Finding(sent, status, contentType, answer,
					"refused a caller with the operation's role (" + roles.get(sent.operation()) + ")"));
		}
		if (status < 400) {
			/* a case with no single wrong field may be answered (an unknown id listed as nothing, a score of unanswered
			 * items); whether it stored anything the row counts tell */
			return sent.field() == null ? Optional.empty()
					: Optional.of(new Finding(sent, status, contentType, answer, "bad input accepted"));
		}
		if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
			return Optional.of(new Finding(sent, status, contentType, answer, "an error that is not problem+json"));
		}
		if (sent.field() != null) {
			if (status != 400) {
				return Optional.of(new Finding(sent, status, contentType, answer, "not a 400 naming " + sent.field()));
			}
			var named = namedFields(answer);
			if (named.stream().noneMatch(field -> names(field, sent.field()))) {
				return Optional.of(new Finding(sent, status, contentType, answer,
						"a 400 naming " + named + " but not " + sent.field()));
			}
		}
		return Optional.empty();
	}

	private List<String> namedFields(String answer) {
		try {
			var errors = json.readTree(answer).path("errors");
			var fields = new ArrayList<String>();
			errors.forEach(error -> fields.add(error.path("field").asString()));
			return fields;
		}
		catch (RuntimeException e) {
			return List.of();
		}
	}

	/** {@code chairAttributes[]} and {@code chairAttributes[0]} name the same field; a part of it names it too. */
	private static boolean names(String named, String field) {
		var a = named.replaceAll("\\[\\d*]", "[]").replaceAll("<[^>]*>", "");
		var b = field.replaceAll("\\[\\d*]", "[]");
		return a.equals(b) || a.startsWith(b + ".") || a.startsWith(b + "[") || b.startsWith(a + "[");
	}

	private Map<String, Long> rowCounts(Pattern uncounted) {
		var counts = new TreeMap<String, Long>();
		jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' "
				+ "and table_type = 'BASE TABLE'")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !uncounted.matcher(table).matches())
			.forEach(table -> counts.put(table,
					jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
		return counts;
	}

	/** The first role each operation's {@code @PreAuthorize} names, by "METHOD /path/{template}". */
	private static Map<String, String> rolesOf(ApplicationContext service) {
		var found = new LinkedHashMap<String, String>();
		var mapping = service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		mapping.getHandlerMethods().forEach((info, handler) -> roleOf(handler).ifPresent(role -> {
			for (var pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					found.put(method.name() + " " + pattern, role);
				}
			}
		}));
		return found;
	}

	private static Optional<String> roleOf(HandlerMethod handler) {
		var rule = handler.getMethodAnnotation(PreAuthorize.class);
		if (rule == null) {
			rule = handler.getBeanType().getAnnotation(PreAuthorize.class);
		}
		if (rule == null) {
			return Optional.empty();
		}
		Matcher role = ROLE.matcher(rule.value());
		return role.find() ? Optional.of(role.group(1)) : Optional.empty();
	}

	private static String abbreviate(String text) {
		var plain = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
		return plain.length() > 300 ? plain.substring(0, 300) + "…(" + plain.length() + " chars)" : plain;
	}

	/** One operation of the document and the cases made for it. */
	private final class Operation {

		private final HttpMethod method;

		private final String template;

		private final JsonNode spec;

		private final String name;

		private final List<JsonNode> parameters = new ArrayList<>();

		private final JsonNode bodySchema;

		private final List<Case> cases = new ArrayList<>();

		Operation(HttpMethod method, String template, JsonNode spec) {
			this.method = method;
			this.template = template;
			this.spec = spec;
			this.name = method.name() + " " + template;
			spec.path("parameters").forEach(parameters::add);
			this.bodySchema = spec.path("requestBody").path("content").path("application/json").path("schema");
		}

		List<Case> cases() {
			if (parameters.isEmpty() && bodySchema.isMissingNode()) {
				return cases;
			}
			var base = bodySchema.isMissingNode() ? null : example(bodySchema, 0);
			for (var parameter : parameters) {
				parameterCases(parameter, base);
			}
			if (base != null) {
				bodyCases(base);
			}
			else if (method != HttpMethod.GET && hasPathId()) {
				add("unknown id", uri(Map.of()), null, null, null);
			}
			return cases;
		}

		private boolean hasPathId() {
			return parameters.stream().anyMatch(p -> "path".equals(p.path("in").asString())
					&& "uuid".equals(schema(p.path("schema")).path("format").asString()));
		}

		private void parameterCases(JsonNode parameter, JsonNode base) {
			var parameterName = parameter.path("name").asString();
			var in = parameter.path("in").asString();
			var schema = schema(parameter.path("schema"));
			var required = parameter.path("required").asBoolean(false);
			var body = base == null ? null : base.toString();
			if ("path".equals(in)) {
				if ("uuid".equals(schema.path("format").asString())) {
					add(parameterName + " not a uuid", uri(Map.of(parameterName, "not-a-uuid")), body, json(body),
							parameterName);
					add(parameterName + " unknown", uri(Map.of()), body, json(body), null);
				}
				else {
					for (var wrong : wrongParameterValues(schema)) {
						add(parameterName + " = " + abbreviate(wrong.getKey()), uri(Map.of(parameterName, wrong.getKey())),
								body, json(body), wrong.getValue() ? parameterName : null);
					}
				}
				return;
			}
			if (!"query".equals(in)) {
				return;
			}
			if (required) {
				add(parameterName + " missing", without(uri(Map.of()), parameterName), body, json(body), parameterName);
			}
			for (var wrong : wrongParameterValues(schema)) {
				var outOfRange = wrong.getKey().startsWith("99999") || wrong.getKey().startsWith("-99999");
				var named = wrong.getValue() && !(outOfRange && VERSION.matcher(parameterName).matches());
				add(parameterName + " = " + abbreviate(wrong.getKey()), uri(Map.of(parameterName, wrong.getKey())), body,
						json(body), named ? parameterName : null);
			}
		}

		/** Wrong values for a parameter of this schema; true where a 400 must name the parameter. */
		private List<Map.Entry<String, Boolean>> wrongParameterValues(JsonNode schema) {
			var wrong = new ArrayList<Map.Entry<String, Boolean>>();
			wrong.add(Map.entry("a\u0000b", true));
			wrong.add(Map.entry("\u001b[31m", true));
			var type = schema.path("type").asString();
			var format = schema.path("format").asString();
			if ("array".equals(type)) {
				schema = schema(schema.path("items"));
				type = schema.path("type").asString();
				format = schema.path("format").asString();
			}
			if (schema.has("enum")) {
				wrong.add(Map.entry("NOT_A_CHOICE", true));
			}
			switch (type) {
				case "integer", "number" -> {
					wrong.add(Map.entry("x", true));
					wrong.add(Map.entry("1.5", "integer".equals(type)));
					wrong.add(Map.entry("99999999999999999999", true));
					wrong.add(Map.entry("-99999999999", true));
				}
				case "boolean" -> wrong.add(Map.entry("maybe", true));
				case "string" -> {
					switch (format) {
						case "uuid" -> wrong.add(Map.entry("not-a-uuid", true));
						case "date" -> {
							wrong.add(Map.entry("+999999999-12-31", true));
							wrong.add(Map.entry("0000-01-01", true));
							wrong.add(Map.entry("2030-02-30", true));
							wrong.add(Map.entry("20300101", true));
						}
						case "date-time" -> {
							wrong.add(Map.entry("+999999999-12-31T00:00:00Z", true));
							wrong.add(Map.entry("0000-01-01T00:00:00Z", true));
							wrong.add(Map.entry("1700000000000", true));
						}
						default -> wrong.add(Map.entry(HUGE, false));
					}
				}
				default -> {
				}
			}
			return wrong;
		}

		private void bodyCases(JsonNode base) {
			var body = base.toString();
			var target = uri(Map.of());
			add("broken JSON", target, body.substring(0, body.length() / 2), MediaType.APPLICATION_JSON_VALUE, null);
			add("empty body", target, "", MediaType.APPLICATION_JSON_VALUE, null);
			add("null body", target, "null", MediaType.APPLICATION_JSON_VALUE, null);
			add("array for the body", target, "[" + body + "]", MediaType.APPLICATION_JSON_VALUE, null);
			add("text/plain", target, body, MediaType.TEXT_PLAIN_VALUE, null);
			add("form", target, "a=b", MediaType.APPLICATION_FORM_URLENCODED_VALUE, null);
			add("no content type", target, body, null, null);
			add("XML only accepted", target, body, MediaType.APPLICATION_JSON_VALUE, null, "application/xml");
			add("NUL byte outside strings", target, body.replaceFirst("\\{", "{\u0000"), MediaType.APPLICATION_JSON_VALUE,
					null);
			if (base instanceof ObjectNode object) {
				var missing = object.deepCopy();
				missing.removeAll();
				missing.put("unexpected", HUGE);
				missing.putObject("__proto__").put("admin", true);
				if (requiredOf(bodySchema).iterator().hasNext()) {
					add("only unknown fields", target, missing.toString(), MediaType.APPLICATION_JSON_VALUE, null);
				}
				if (hasPathId()) {
					var extra = object.deepCopy();
					extra.put("unexpected", "\u0000");
					extra.put("id", UUID.randomUUID().toString());
					add("extra fields, unknown id", target, extra.toString(), MediaType.APPLICATION_JSON_VALUE, null);
				}
			}
			fieldCases(base, bodySchema, new ArrayList<>(), base, 0);
		}

		/** Every field of {@code node} (whose schema is {@code schema}) set to each wrong value, one at a time. */
		private void fieldCases(JsonNode root, JsonNode schema, List<Object> at, JsonNode node, int depth) {
			schema = schema(schema);
			if (depth > 3 || !(node instanceof ObjectNode object)) {
				return;
			}
			var required = new ArrayList<String>();
			requiredOf(schema).forEach(required::add);
			/* a field the request does not have (misspelt, made up, from the answer): refused, not ignored */
			var extraPath = new ArrayList<Object>(at);
			extraPath.add(EXTRA_FIELD);
			var extra = root.deepCopy();
			set(extra, extraPath, NODES.stringNode("x"));
			add(pathName(extraPath) + " extra field", uri(Map.of()), extra.toString(), MediaType.APPLICATION_JSON_VALUE,
					pathName(extraPath));
			for (var property : schema.path("properties").properties()) {
				var field = property.getKey();
				var fieldSchema = schema(property.getValue());
				var path = new ArrayList<Object>(at);
				path.add(field);
				if (required.contains(field)) {
					var missing = root.deepCopy();
					remove(missing, path);
					add(pathName(path) + " missing", uri(Map.of()), missing.toString(), MediaType.APPLICATION_JSON_VALUE,
							pathName(path));
				}
				for (var wrong : wrongValues(fieldSchema, required.contains(field))) {
					var mutated = root.deepCopy();
					set(mutated, path, wrong.value());
					/* a version is compared with the stored one: one never stored is a conflict (409), not bad input */
					var named = wrong.named() && !(VERSION.matcher(field).matches() && wrong.what().endsWith("trillion"));
					add(pathName(path) + " " + wrong.what(), uri(Map.of()), mutated.toString(),
							MediaType.APPLICATION_JSON_VALUE, named ? pathName(path) + wrong.suffix() : null);
				}
				var value = object.get(field);
				if (value instanceof ObjectNode) {
					fieldCases(root, fieldSchema, path, value, depth + 1);
				}
				else if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode) {
					var element = new ArrayList<Object>(path);
					element.add(0);
					fieldCases(root, fieldSchema.path("items"), element, array.get(0), depth + 1);
				}
			}
		}

		private record Wrong(String what, JsonNode value, boolean named, String suffix) {

			Wrong(String what, JsonNode value) {
				this(what, value, true, "");
			}
		}

		private List<Wrong> wrongValues(JsonNode schema, boolean required) {
			var wrong = new ArrayList<Wrong>();
			var type = schema.path("type").asString();
			var format = schema.path("format").asString();
			if (required) {
				wrong.add(new Wrong("null", NODES.nullNode()));
			}
			if (schema.has("enum")) {
				wrong.add(new Wrong("unknown choice", NODES.stringNode("NOT_A_CHOICE")));
				wrong.add(new Wrong("choice as number", NODES.numberNode(0)));
				return wrong;
			}
			switch (type) {
				case "string" -> {
					wrong.add(new Wrong("number for text", NODES.numberNode(42)));
					wrong.add(new Wrong("boolean for text", NODES.booleanNode(true)));
					switch (format) {
						case "date" -> {
							wrong.add(new Wrong("date-time for a date", NODES.stringNode("2030-01-07T00:00:00Z")));
							wrong.add(new Wrong("number for a date", NODES.numberNode(20300107)));
							wrong.add(new Wrong("year +999999999", NODES.stringNode("+999999999-12-31")));
							wrong.add(new Wrong("year 0", NODES.stringNode("0000-01-01")));
							wrong.add(new Wrong("year 1899", NODES.stringNode("1899-12-31")));
						}
						case "date-time" -> {
							wrong.add(new Wrong("year +999999999", NODES.stringNode("+999999999-12-31T00:00:00Z")));
							wrong.add(new Wrong("year 0", NODES.stringNode("0000-01-01T00:00:00Z")));
							wrong.add(new Wrong("epoch millis", NODES.numberNode(1_700_000_000_000L)));
						}
						case "uuid" -> wrong.add(new Wrong("not a uuid", NODES.stringNode("not-a-uuid")));
						default -> {
							wrong.add(new Wrong("NUL", NODES.stringNode("a\u0000b")));
							wrong.add(new Wrong("escape character", NODES.stringNode("\u001b[31mred")));
							wrong.add(new Wrong("100000 characters", NODES.stringNode(HUGE)));
						}
					}
				}
				case "integer" -> {
					wrong.add(new Wrong("fraction", NODES.numberNode(1.5)));
					wrong.add(new Wrong("text for a number", NODES.stringNode("1")));
					wrong.add(new Wrong("huge", NODES.numberNode(new java.math.BigInteger("99999999999999999999"))));
					wrong.add(new Wrong("a trillion", NODES.numberNode(1_000_000_000_000L)));
					wrong.add(new Wrong("minus a trillion", NODES.numberNode(-1_000_000_000_000L)));
				}
				case "number" -> {
					wrong.add(new Wrong("text for a number", NODES.stringNode("1.5")));
					wrong.add(new Wrong("1e300", NODES.numberNode(new java.math.BigDecimal("1e300"))));
					wrong.add(new Wrong("a trillion", NODES.numberNode(1_000_000_000_000L)));
					wrong.add(new Wrong("minus a trillion", NODES.numberNode(-1_000_000_000_000L)));
				}
				case "boolean" -> {
					wrong.add(new Wrong("text for a boolean", NODES.stringNode("true")));
					wrong.add(new Wrong("number for a boolean", NODES.numberNode(1)));
				}
				case "array" -> {
					wrong.add(new Wrong("text for an array", NODES.stringNode("x")));
					var items = schema(schema.path("items"));
					var nulls = NODES.arrayNode();
					nulls.addNull();
					/* answers to a questionnaire (numbers) may hold nulls: unanswered items */
					var answers = "integer".equals(items.path("type").asString())
							|| "number".equals(items.path("type").asString());
					wrong.add(new Wrong("null in the array", nulls, !answers, "[0]"));
					if ("string".equals(items.path("type").asString()) && items.path("format").isMissingNode()
							&& !items.has("enum")) {
						var controls = NODES.arrayNode();
						controls.add("a\u0000b");
						wrong.add(new Wrong("NUL in an element", controls, true, "[0]"));
					}
					var many = NODES.arrayNode();
					var element = example(items, 1);
					for (int i = 0; i < 1_000; i++) {
						many.add(element);
					}
					wrong.add(new Wrong("1000 elements", many, false, ""));
				}
				case "object" -> wrong.add(new Wrong("number for an object", NODES.numberNode(42)));
				default -> {
				}
			}
			return wrong;
		}

		private void add(String what, URI uri, String body, String contentType, String field) {
			add(what, uri, body, contentType, field, answers());
		}

		/** What the operation answers with (JSON unless its document says otherwise), and problems. */
		private String answers() {
			var types = new ArrayList<String>();
			spec.path("responses").properties().forEach(response -> {
				if (response.getKey().startsWith("2")) {
					response.getValue().path("content").propertyNames().forEach(type -> {
						if (!"*/*".equals(type) && !types.contains(type)) {
							types.add(type);
						}
					});
				}
			});
			if (types.isEmpty()) {
				types.add(MediaType.APPLICATION_JSON_VALUE);
			}
			types.add(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			return String.join(", ", types);
		}

		private void add(String what, URI uri, String body, String contentType, String field, String accept) {
			cases.add(new Case(name, what, method, uri, contentType, body, accept, field));
		}

		private static String json(String body) {
			return body == null ? null : MediaType.APPLICATION_JSON_VALUE;
		}

		/** The operation's address with plausible parameters, {@code overrides} replacing some. */
		private URI uri(Map<String, String> overrides) {
			var variables = new LinkedHashMap<String, Object>();
			var builder = UriComponentsBuilder.fromPath(template);
			for (var parameter : parameters) {
				var parameterName = parameter.path("name").asString();
				var value = overrides.containsKey(parameterName) ? overrides.get(parameterName)
						: parameterExample(schema(parameter.path("schema")));
				switch (parameter.path("in").asString()) {
					case "path" -> variables.put(parameterName, value);
					case "query" -> {
						if (overrides.containsKey(parameterName) || parameter.path("required").asBoolean(false)) {
							builder.queryParam(parameterName, value);
						}
					}
					default -> {
					}
				}
			}
			return builder.encode().buildAndExpand(variables).toUri();
		}

		private URI without(URI uri, String parameterName) {
			return UriComponentsBuilder.fromUri(uri).replaceQueryParam(parameterName).build(true).toUri();
		}

		private String parameterExample(JsonNode schema) {
			var example = example(schema, 0);
			if (example instanceof ArrayNode array) {
				return array.isEmpty() ? "" : array.get(0).asString();
			}
			return example.asString();
		}

		private JsonNode example(JsonNode schema, int depth) {
			schema = schema(schema);
			if (schema.has("enum")) {
				return schema.get("enum").get(0);
			}
			if (schema.has("default") && !schema.get("default").isNull()) {
				return schema.get("default");
			}
			var type = schema.path("type").asString();
			if (type.isEmpty() && schema.has("properties")) {
				type = "object";
			}
			switch (type) {
				case "object": {
					var object = NODES.objectNode();
					if (depth < 5) {
						for (var property : schema.path("properties").properties()) {
							object.set(property.getKey(), example(property.getValue(), depth + 1));
						}
					}
					return object;
				}
				case "array": {
					var array = NODES.arrayNode();
					array.add(example(schema.path("items"), depth + 1));
					return array;
				}
				case "integer": {
					return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
				}
				case "number": {
					return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue()
							: new java.math.BigDecimal("1.0"));
				}
				case "boolean":
					return NODES.booleanNode(false);
				default:
					return NODES.stringNode(stringExample(schema));
			}
		}

		private String stringExample(JsonNode schema) {
			if (schema.path("example").isString()) {
				return schema.get("example").asString();
			}
			if (schema.path("examples").path(0).isString()) {
				return schema.get("examples").get(0).asString();
			}
			switch (schema.path("format").asString()) {
				case "uuid":
					return UUID.randomUUID().toString();
				case "date":
					return "2030-01-07";
				case "date-time":
					return "2030-01-07T09:00:00Z";
				case "partial-time":
				case "time":
					return "10:00:00";
				default:
			}
			var candidates = List.of("x", "Main", "10:00:00", "10:00", "Europe/Zurich", "PT1H", "2030-W02", "2030-01",
					"+41 44 000 00 00", "text/plain", "recliner", "MON");
			var pattern = schema.path("pattern").asString();
			var minimum = schema.path("minLength").asInt(0);
			for (var candidate : candidates) {
				if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(candidate).find()) {
					continue;
				}
				return candidate.length() >= minimum ? candidate : candidate + "x".repeat(minimum - candidate.length());
			}
			return "x".repeat(Math.max(1, minimum));
		}

		/** The schema itself, a {@code $ref} followed. */
		private JsonNode schema(JsonNode schema) {
			for (int i = 0; i < 10 && schema.has("$ref"); i++) {
				var ref = schema.get("$ref").asString().replace("#/components/schemas/", "");
				schema = document.path("components").path("schemas").path(ref);
			}
			if (schema.has("allOf") && schema.get("allOf").size() == 1) {
				return schema(schema.get("allOf").get(0));
			}
			if (schema.has("oneOf") && schema.get("oneOf").size() >= 1) {
				return schema(schema.get("oneOf").get(0));
			}
			if (schema.path("type").isArray()) {
				var copy = ((ObjectNode) schema).deepCopy();
				for (var t : schema.get("type")) {
					if (!"null".equals(t.asString())) {
						copy.put("type", t.asString());
					}
				}
				return copy;
			}
			return schema;
		}

		private Iterable<String> requiredOf(JsonNode schema) {
			var required = new ArrayList<String>();
			schema(schema).path("required").forEach(name -> required.add(name.asString()));
			return required;
		}

		private void set(JsonNode root, List<Object> path, JsonNode value) {
			JsonNode node = root;
			for (int i = 0; i < path.size() - 1; i++) {
				node = path.get(i) instanceof Integer index ? node.get(index) : node.get((String) path.get(i));
			}
			var last = path.get(path.size() - 1);
			if (node instanceof ObjectNode object) {
				object.set((String) last, value);
			}
			else if (node instanceof ArrayNode array) {
				array.set((Integer) last, value);
			}
		}

		private void remove(JsonNode root, List<Object> path) {
			JsonNode node = root;
			for (int i = 0; i < path.size() - 1; i++) {
				node = path.get(i) instanceof Integer index ? node.get(index) : node.get((String) path.get(i));
			}
			if (node instanceof ObjectNode object) {
				object.remove((String) path.get(path.size() - 1));
			}
		}

		private String pathName(List<Object> path) {
			var name = new StringBuilder();
			for (Iterator<Object> it = path.iterator(); it.hasNext();) {
				var part = it.next();
				if (part instanceof Integer index) {
					name.append('[').append(index).append(']');
				}
				else {
					name.append(name.isEmpty() ? "" : ".").append(part);
				}
			}
			return name.toString();
		}
	}
}
