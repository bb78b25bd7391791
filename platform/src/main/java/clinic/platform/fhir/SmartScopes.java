package clinic.platform.fhir;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * SMART on FHIR's scopes (App Launch 2.x, as Backend Services uses them): what a token's {@code scope} claim lets its
 * client do with each resource type. A scope is {@code <context>/<type>.<permissions>}: the context {@code system} (a
 * backend service, client credentials) or {@code user} (someone signed in); the type a FHIR resource type or
 * {@code *}; the permissions SMART v1's {@code read}, {@code write} or {@code *}, or v2's letters in their order
 * ({@code c} create, {@code r} read, {@code u} update, {@code d} delete, {@code s} search: {@code rs}, {@code cruds}).
 * Patient-context scopes ({@code patient/...}) need a launch context a backend has not: they grant nothing here. A
 * scope the grammar does not fit grants nothing either, so that a typing error never widens access.
 */
public final class SmartScopes {

	private static final Pattern SCOPE = Pattern
		.compile("(system|user)/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?");

	/** What a request asks of a resource type, as v2's letters name it. */
	public enum Permission {
		CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

		private final char letter;

		Permission(char letter) {
			this.letter = letter;
		}
	}

	/**
	 * One FHIR interaction: the resource type it is on and what it asks of it, one permission or (an operation that
	 * holds or books: it creates an Appointment or changes one) either of two.
	 */
	public record Interaction(String resourceType, Set<Permission> anyOf) {

		Interaction(String resourceType, Permission permission) {
			this(resourceType, Set.of(permission));
		}

		/** The scope to ask for (v2's letters, which v1's {@code read} or {@code write} cover too). */
		public String scope() {
			return "system/" + resourceType + "." + Arrays.stream(Permission.values()).filter(anyOf::contains)
				.map(p -> String.valueOf(p.letter)).collect(Collectors.joining());
		}

		/** The same in SMART v1's words: {@code read} for reading and searching, else {@code write}. */
		public String v1Scope() {
			var reads = anyOf.contains(Permission.READ) || anyOf.contains(Permission.SEARCH);
			return "system/" + resourceType + (reads ? ".read" : ".write");
		}
	}

	private final Set<String> granted;

	private SmartScopes(Set<String> granted) {
		this.granted = granted;
	}

	/** The scopes of a token's {@code scope} claim (space-separated, as OAuth 2 writes them). */
	public static SmartScopes of(@Nullable String scopeClaim) {
		return new SmartScopes(scopeClaim == null ? Set.of()
				: Arrays.stream(scopeClaim.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
	}

	/** Whether one of the scopes allows the interaction. */
	public boolean allow(Interaction interaction) {
		return granted.stream().anyMatch(scope -> grants(scope, interaction));
	}

	private static boolean grants(String scope, Interaction interaction) {
		var matcher = SCOPE.matcher(scope);
		if (!matcher.matches()) {
			return false;
		}
		var type = matcher.group(2);
		if (!type.equals("*") && !type.equals(interaction.resourceType())) {
			return false;
		}
		var permissions = matcher.group(3);
		return interaction.anyOf().stream().anyMatch(asked -> switch (permissions) {
			case "*" -> true;
			case "read" -> asked == Permission.READ || asked == Permission.SEARCH;
			case "write" -> asked == Permission.CREATE || asked == Permission.UPDATE || asked == Permission.DELETE;
			case "" -> false;
			default -> permissions.indexOf(asked.letter) >= 0;
		});
	}

	/**
	 * The interaction a FHIR request is, from its method and its path below {@code /fhir}: {@code GET Patient/1} reads,
	 * {@code GET Patient} and {@code POST Patient/_search} search, {@code POST Patient} creates, {@code PUT} updates,
	 * {@code DELETE} deletes. An operation ({@code $name}) that only finds things searches ({@code $find}, IHE ITI-115);
	 * any other operation creates or changes ({@code $hold}, {@code $book}: an Appointment held or booked). Empty for
	 * a path that names no resource type ({@code metadata}, the server's root).
	 */
	public static Optional<Interaction> interaction(String method, String pathBelowBase) {
		var segments = Arrays.stream(pathBelowBase.split("/")).filter(s -> !s.isEmpty()).toList();
		if (segments.isEmpty() || !Character.isUpperCase(segments.get(0).charAt(0))) {
			return Optional.empty();
		}
		var type = segments.get(0);
		var last = segments.get(segments.size() - 1);
		Permission permission;
		if (last.startsWith("$")) {
			if (!last.equals("$find")) {
				return Optional.of(new Interaction(type, Set.of(Permission.CREATE, Permission.UPDATE)));
			}
			permission = Permission.SEARCH;
		}
		else if (last.equals("_search")) {
			permission = Permission.SEARCH;
		}
		else {
			permission = switch (method) {
				case "GET", "HEAD" -> segments.size() == 1 ? Permission.SEARCH : Permission.READ;
				case "POST" -> Permission.CREATE;
				case "PUT", "PATCH" -> Permission.UPDATE;
				case "DELETE" -> Permission.DELETE;
				default -> Permission.READ;
			};
		}
		return Optional.of(new Interaction(type, permission));
	}
}
